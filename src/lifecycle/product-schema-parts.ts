/**
 * What of the shipped schema is the portal's and what is the help desk's, for uninstalling: the portal's
 * part goes with the product, the help desk's stays as plain Directus collections unless the team asks
 * for it to go too. A unit test holds this against both shipped snapshots.
 */
import { type CollectionNames, installedName } from '../install/collection-names.ts';

/** The portal's own collections and their folder: removed by every uninstall. */
export const portalCollections = [
	'portal_audit',
	'portal_outbox',
	'portal_mail_optouts',
	'portal_inbox',
	'portal_ticket_ratings',
	'portal_invitations',
	'portal_settings',
	'portal_groups',
	'portal',
] as const;

/** Tables derived from the help desk's and kept by the product's triggers: stale without them, so removed. */
export const derivedCollections = ['customer_tree', 'ticket_followers'] as const;

/**
 * Fields of the help-desk collections that only the portal gives meaning to: columns its triggers keep, the
 * customer badge (a policy the uninstall removes) and the button to a ticket's conversation (the bundle's
 * interface). Removed by every uninstall.
 */
export const portalFieldsOfHelpDesk: Readonly<Record<string, readonly string[]>> = {
	customers: ['tree_path', 'portal_badge'],
	tickets: ['customer_path', 'portal_conversation'],
};

/** Fields the product adds to Directus's own collections: Directus's collections are left as they were found. */
export const portalSystemFields: Readonly<Record<string, readonly string[]>> = {
	directus_files: ['ticket_attachments', 'project_attachments'],
	directus_policies: ['portal_tree_path'],
	directus_users: ['portal_contacts', 'portal_display_name'],
};

/** The help desk's collections and folders: kept by default, removed with `removeData`. */
export const helpDeskCollections = [
	'customers',
	'contacts',
	'locations',
	'tickets',
	'ticket_priorities',
	'ticket_participants',
	'ticket_comments',
	'ticket_attachments',
	'projects',
	'project_members',
	'project_tasks',
	'project_notes',
	'project_issues',
	'project_charges',
	'project_calendar_items',
	'project_attachments',
	'devices',
	'kb_articles',
	'kb_article_customers',
	'documents',
	'document_customers',
	'invoices',
	'quotes',
	'helpdesk_customers',
	'helpdesk_tickets',
	'helpdesk_projects',
	'helpdesk_assets',
	'helpdesk_knowledge',
	'helpdesk_financials',
] as const;

/**
 * The help desk's parts under the names this install created them with (`names`); null when no install of the
 * product is recorded here: then no collection of a help desk's name is the product's to remove.
 */
export function helpDeskPartsUnder(names: CollectionNames | null): {
	derivedCollections: string[];
	helpDeskCollections: string[];
	portalFieldsOfHelpDesk: Record<string, readonly string[]>;
} {
	const to = (name: string) => installedName(name, names ?? {});
	return {
		derivedCollections: derivedCollections.map(to),
		helpDeskCollections: names === null ? [] : helpDeskCollections.map(to),
		portalFieldsOfHelpDesk: Object.fromEntries(
			Object.entries(portalFieldsOfHelpDesk).map(([collection, fields]) => [to(collection), fields]),
		),
	};
}

/** A plain table of the product's own, not a Directus collection: the uninstall's record of what it still has to remove. */
export const uninstallLedgerTable = 'portal_uninstall_pending';
