import type { Knex } from 'knex';
import type { ItemKey } from '../data-map/item-key.ts';
import { isTicketRating, type TicketRatingRecord } from './ticket-rating.ts';

export const ratingsCollection = 'portal_ticket_ratings';

/** A stored timestamp (a Date, or text as SQLite keeps it) as an ISO string; null for none. */
export function isoDate(value: unknown): string | null {
	if (value === null || value === undefined || value === '') return null;
	const date = value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** One contact's rating of one ticket, with its row's id; null where they gave none. */
export async function fetchTicketRating(
	knex: Knex,
	ticket: ItemKey,
	contact: ItemKey,
): Promise<(TicketRatingRecord & { id: number }) | null> {
	const row = (await knex(ratingsCollection)
		.select('id', 'rating', 'comment', 'date_created', 'date_updated')
		.where({ ticket_key: String(ticket), contact_key: String(contact) })
		.orderBy('id')
		.first()) as Record<string, unknown> | undefined;
	if (!row || !isTicketRating(row['rating'])) return null;
	return {
		id: Number(row['id']),
		rating: row['rating'],
		comment: typeof row['comment'] === 'string' ? row['comment'] : null,
		date_created: isoDate(row['date_created']) ?? new Date(0).toISOString(),
		date_updated: isoDate(row['date_updated']),
	};
}
