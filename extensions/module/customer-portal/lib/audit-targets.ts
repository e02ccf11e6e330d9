import type { DataMap } from '../../../../src/data-map/data-map.ts';
import { objectPlaying } from '../../../../src/data-map/object-playing.ts';
import { strings } from '../i18n/strings.ts';

type Row = Record<string, unknown>;

type TargetName = keyof typeof strings.audit.targets;

/** How the audit log names one kind of target: what it is (its words in i18n/en.ts), where to read it and which fields name it. */
export interface AuditTargetKind {
	target: TargetName;
	/** Read by the studio's API client under the bundled names, with the staff member's own rights. */
	path: string;
	fields: string[];
	/** What follows the label: a name in quotes, or a person and their address. */
	name: (row: Row) => string | null;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const quoted = (value: unknown) => {
	const name = text(value);
	return name && `“${name}”`;
};

const kinds: Record<TargetName, AuditTargetKind> = {
	contacts: {
		target: 'contacts',
		path: '/items/contacts',
		fields: ['id', 'first_name', 'last_name', 'email'],
		name: (row) => {
			const name = [text(row['first_name']), text(row['last_name'])].filter(Boolean).join(' ');
			const email = text(row['email']);
			return name && email ? `${name} (${email})` : name || email;
		},
	},
	customers: {
		target: 'customers',
		path: '/items/customers',
		fields: ['id', 'name'],
		name: (row) => quoted(row['name']),
	},
	tickets: {
		target: 'tickets',
		path: '/items/tickets',
		fields: ['id', 'subject'],
		name: (row) => quoted(row['subject']),
	},
	quotes: { target: 'quotes', path: '/items/quotes', fields: ['id', 'title'], name: (row) => quoted(row['title']) },
	portal_groups: {
		target: 'portal_groups',
		path: '/items/portal_groups',
		fields: ['id', 'name'],
		name: (row) => quoted(row['name']),
	},
	portal_invitations: {
		target: 'portal_invitations',
		path: '/items/portal_invitations',
		fields: ['id', 'contact.email'],
		name: (row) => {
			const contact = row['contact'];
			const email = typeof contact === 'object' && contact !== null ? text((contact as Row)['email']) : null;
			return email && strings.audit.invitationTo(email);
		},
	},
	portal_outbox: {
		target: 'portal_outbox',
		path: '/items/portal_outbox',
		fields: ['id', 'subject', 'recipient'],
		name: (row) => {
			const subject = text(row['subject']);
			const recipient = text(row['recipient']);
			return subject && recipient ? strings.audit.mailTo(subject, recipient) : subject;
		},
	},
	directus_users: {
		target: 'directus_users',
		path: '/users',
		fields: ['id', 'email'],
		name: (row) => text(row['email']),
	},
};

/** The kind of target a stored collection holds: one the data map names (under any name), or one of the product's. */
export function auditTargetKind(map: DataMap, collection: string): AuditTargetKind | null {
	const object = objectPlaying(map, collection);
	const name = object ?? collection;
	return Object.hasOwn(kinds, name) ? kinds[name as TargetName] : null;
}

/** A target in the studio's words: its kind and name where it could be read, else its kind and key (never a bare table name). */
export function auditTargetWords(
	kind: AuditTargetKind | null,
	collection: string,
	id: string | null,
	name: string | null,
): string {
	if (collection === 'portal_settings') return strings.audit.portalSettings;
	const label = kind ? strings.audit.targets[kind.target] : collection;
	if (name) return `${label} ${name}`;
	return id === null ? label : `${label} ${id}`;
}
