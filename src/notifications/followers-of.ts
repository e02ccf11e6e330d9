import type { ContactKey } from '../access/contact-access-fields.ts';
import { fieldOf } from '../compiler/mapped-fields.ts';
import type { DataMap } from '../data-map/data-map.ts';
import type { ItemKey } from '../data-map/item-key.ts';
import type { DirectusContext } from '../directus/directus-context.ts';

/** The contacts who follow `ticket`: its followers where the map keeps them, else its requester. */
export async function followersOf(context: DirectusContext, map: DataMap, ticket: ItemKey): Promise<ContactKey[]> {
	const { tickets, ticket_followers: followers } = map;
	if (!tickets) return [];
	if (followers) {
		const rows = (await context
			.knex(followers.collection)
			.distinct({ contact: fieldOf(followers, 'contact') })
			.where(fieldOf(followers, 'ticket'), ticket)) as { contact: ContactKey }[];
		return rows.map((row) => row.contact);
	}
	const row = (await context
		.knex(tickets.collection)
		.select({ contact: fieldOf(tickets, 'requester') })
		.where(fieldOf(tickets, 'id'), ticket)
		.first()) as { contact: ContactKey | null } | undefined;
	return row?.contact != null ? [row.contact] : [];
}
