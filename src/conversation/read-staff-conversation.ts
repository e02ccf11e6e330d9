import type { Accountability } from '@directus/types';
import { fieldOf } from '../compiler/mapped-fields.ts';
import type { DataMap } from '../data-map/data-map.ts';
import { itemKey, type ItemKey } from '../data-map/item-key.ts';
import { portalStateOf, stateValues } from '../data-map/state-values.ts';
import { adminService, type DirectusContext } from '../directus/directus-context.ts';
import { isTrue } from '../directus/is-true.ts';
import { PortalFeatureOffError } from '../errors/portal-feature-off-error.ts';
import { fetchAttachmentFiles } from './staff-reply-attachments.ts';

export type AuthorKind = 'contact' | 'staff' | 'unknown';

export interface ConversationEntry {
	id: ItemKey;
	body: string;
	internal: boolean;
	date_created: string | null;
	author: { kind: AuthorKind; name: string };
}

export interface StaffConversation {
	ticket: {
		id: ItemKey;
		subject: string;
		/** The portal state (new, open, pending, resolved, closed), or the stored value where none means it. */
		status: string | null;
		customer: string | null;
		requester: { name: string; email: string | null } | null;
	};
	/** Replies and internal notes, oldest first. */
	entries: ConversationEntry[];
	/** The ticket's files, oldest first: `shown` to its contacts (a public reply's, a contact's) or staff-only. */
	files: { id: ItemKey; file: string; name: string; shown: boolean }[];
}

type Row = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function personName(first: unknown, last: unknown, fallback: string): string {
	return [text(first), text(last)].filter(Boolean).join(' ') || fallback;
}

/** The value at the end of a path of related rows (`site.account.name`), or null. */
function valueAt(row: Row, path: readonly string[]): unknown {
	return (
		path.reduce<unknown>(
			(value, step) => (typeof value === 'object' && value !== null ? (value as Row)[step] : null),
			row,
		) ?? null
	);
}

/** A ticket's files with their names, read by the product once the staff user was let read the ticket. */
async function ticketFiles(
	context: DirectusContext,
	map: DataMap,
	ticket: ItemKey,
): Promise<StaffConversation['files']> {
	const table = map.ticket_attachments;
	if (!table) return [];
	const rows = await fetchAttachmentFiles(context, table, { ticket });
	return rows.map((row) => ({
		id: itemKey(row.id) as ItemKey,
		file: String(row.file),
		name: text(row.name) ?? String(row.file),
		shown: isTrue(row.shown),
	}));
}

/**
 * A ticket's conversation as staff see it in the studio: its public replies and internal notes, oldest first,
 * each with its author's name. Read as the staff user (`accountability`): Directus applies their own role's
 * rules, so a ticket they may not read is Directus's 403. Staff authors' names are read by the product (a
 * staff role need not read other users).
 */
export async function readStaffConversation(
	context: DirectusContext,
	accountability: Accountability,
	map: DataMap,
	ticketKey: ItemKey,
): Promise<StaffConversation> {
	const { tickets, ticket_replies: replies, contacts, customers } = map;
	if (!tickets || !replies) throw new PortalFeatureOffError({ feature: 'Ticket conversations' });
	const requester = fieldOf(tickets, 'requester');
	const contactName = (prefix: string) => [
		...(contacts.fields.first_name ? [`${prefix}.${contacts.fields.first_name}`] : []),
		`${prefix}.${fieldOf(contacts, 'last_name')}`,
	];
	const ticket = (await adminService(context, tickets.collection, accountability).readOne(ticketKey, {
		fields: [
			fieldOf(tickets, 'id'),
			fieldOf(tickets, 'subject'),
			fieldOf(tickets, 'status'),
			`${fieldOf(tickets, 'customer')}.${fieldOf(customers, 'name')}`,
			...contactName(requester),
			`${requester}.${fieldOf(contacts, 'email')}`,
		],
	})) as Row;

	const authorUser = replies.fields.author_user;
	const dateCreated = replies.fields.date_created;
	const authorContact = fieldOf(replies, 'author_contact');
	const rows = (await adminService(context, replies.collection, accountability).readByQuery({
		fields: [
			fieldOf(replies, 'id'),
			fieldOf(replies, 'body'),
			fieldOf(replies, 'internal'),
			...(dateCreated ? [dateCreated] : []),
			...(authorUser ? [authorUser] : []),
			`${authorContact}.${fieldOf(contacts, 'id')}`,
			...contactName(authorContact),
		],
		filter: { [fieldOf(replies, 'ticket')]: { _eq: ticketKey } },
		sort: [...(dateCreated ? [dateCreated] : []), fieldOf(replies, 'id')],
		limit: -1,
	})) as Row[];

	const staffIds = [...new Set(rows.map((row) => (authorUser ? text(row[authorUser]) : null)).filter(Boolean))];
	const staff = new Map<string, string>();
	if (staffIds.length > 0)
		for (const user of (await context
			.knex('directus_users')
			.select('id', 'first_name', 'last_name', 'email')
			.whereIn('id', staffIds as string[])) as Row[])
			staff.set(String(user['id']), personName(user['first_name'], user['last_name'], text(user['email']) ?? 'Staff'));

	const related = (row: Row, field: string): Row | null => {
		const value = valueAt(row, field.split('.'));
		return typeof value === 'object' && value !== null ? (value as Row) : null;
	};
	const nameOfContact = (contact: Row) =>
		personName(
			contacts.fields.first_name ? contact[contacts.fields.first_name] : null,
			contact[fieldOf(contacts, 'last_name')],
			'Contact',
		);
	const requesterRow = related(ticket, requester);
	const states = stateValues(map, 'tickets', 'status');
	const status = ticket[fieldOf(tickets, 'status')];
	return {
		files: await ticketFiles(context, map, ticketKey),
		ticket: {
			id: itemKey(ticket[fieldOf(tickets, 'id')]) ?? ticketKey,
			subject: text(ticket[fieldOf(tickets, 'subject')]) ?? '',
			status: status === null || status === undefined ? null : String(states ? portalStateOf(states, status) : status),
			customer: text(valueAt(ticket, [...fieldOf(tickets, 'customer').split('.'), fieldOf(customers, 'name')])),
			requester: requesterRow
				? { name: nameOfContact(requesterRow), email: text(requesterRow[fieldOf(contacts, 'email')]) }
				: null,
		},
		entries: rows.map((row) => {
			const contact = related(row, authorContact);
			const user = authorUser ? text(row[authorUser]) : null;
			let author: ConversationEntry['author'] = { kind: 'unknown', name: 'Unknown' };
			if (contact) author = { kind: 'contact', name: nameOfContact(contact) };
			else if (user) author = { kind: 'staff', name: staff.get(user) ?? 'Staff' };
			const created = dateCreated ? row[dateCreated] : null;
			return {
				id: itemKey(row[fieldOf(replies, 'id')]) as ItemKey,
				body: typeof row[fieldOf(replies, 'body')] === 'string' ? (row[fieldOf(replies, 'body')] as string) : '',
				internal: isTrue(row[fieldOf(replies, 'internal')]),
				date_created: created instanceof Date ? created.toISOString() : text(created),
				author,
			};
		}),
	};
}
