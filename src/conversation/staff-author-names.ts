import type { Accountability } from '@directus/types';
import { fieldOf } from '../compiler/mapped-fields.ts';
import type { DataMap } from '../data-map/data-map.ts';
import type { ItemKey } from '../data-map/item-key.ts';
import { adminService, type DirectusContext } from '../directus/directus-context.ts';
import { staffDisplayNameField } from './parse-staff-display-name.ts';
import { staffDisplayName, type StaffNameStyle } from './staff-display-name.ts';

/**
 * The names of the staff who wrote a ticket's replies, for a contact who reads them, by reply: only replies the
 * contact's own rules let them read are named (asked of Directus as the contact), each by the name the staff member
 * chose, else as the portal settings name staff (`style`). A contact reads no user of Directus: the names come from here, never the users themselves.
 */
export async function staffAuthorNames(
	context: DirectusContext,
	contact: Accountability,
	map: DataMap,
	ticket: ItemKey,
	style: StaffNameStyle,
): Promise<Record<string, string>> {
	const replies = map.ticket_replies;
	const authorUser = replies?.fields.author_user;
	if (!replies || !authorUser) return {};
	const id = fieldOf(replies, 'id');
	const readable = (await adminService(context, replies.collection, contact).readByQuery({
		fields: [id],
		filter: { [fieldOf(replies, 'ticket')]: { _eq: ticket } },
		limit: -1,
	})) as Record<string, ItemKey>[];
	if (readable.length === 0) return {};
	const rows = (await context
		.knex(replies.collection)
		.select({
			id: `${replies.collection}.${id}`,
			first_name: 'directus_users.first_name',
			last_name: 'directus_users.last_name',
			portal_display_name: `directus_users.${staffDisplayNameField}`,
		})
		.join('directus_users', 'directus_users.id', `${replies.collection}.${authorUser}`)
		.whereIn(
			`${replies.collection}.${id}`,
			readable.map((row) => row[id] as ItemKey),
		)
		.whereNull(`${replies.collection}.${fieldOf(replies, 'author_contact')}`)) as {
		id: ItemKey;
		first_name: string | null;
		last_name: string | null;
		portal_display_name: string | null;
	}[];
	return Object.fromEntries(rows.map((row) => [String(row.id), staffDisplayName(row, style)]));
}
