import type { ObjectMap } from '../data-map/data-map.ts';
import { byRole } from '../data-map/by-role.ts';
import type { OwnContact } from '../access/fetch-own-contact.ts';
import type { AuditEntry } from './write-audit.ts';

/** The portal states a contact may decide a quote to, each its own audit action. */
const decisions = ['approved', 'declined'] as const;

/**
 * One `quote.approved` or `quote.declined` entry per quote a contact decided in the portal (`payload` as
 * stored, keys by `keys`). A status that means neither state (the map's values decide) is no decision: none.
 */
export function quoteDecisionAuditEntries({
	quotes,
	payload,
	keys,
	contact,
	actorUser,
	ip,
}: {
	quotes: ObjectMap<'quotes'>;
	payload: Readonly<Record<string, unknown>>;
	keys: readonly (string | number)[];
	contact: OwnContact;
	actorUser: string;
	ip: string | null;
}): AuditEntry[] {
	const { status } = byRole(quotes, payload, ['status']);
	const decision = decisions.find((state) =>
		(quotes.states?.status?.[state] ?? []).some((value) => String(value) === String(status)),
	);
	if (status === undefined || decision === undefined) return [];
	return keys.map((key) => ({
		action: `quote.${decision}`,
		actor_user: actorUser,
		actor_contact: contact.id,
		customer: contact.customer,
		target_collection: quotes.collection,
		target_id: key,
		ip,
	}));
}
