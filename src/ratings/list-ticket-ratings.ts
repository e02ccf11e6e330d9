import type { Accountability } from '@directus/types';
import { fieldOf } from '../compiler/mapped-fields.ts';
import type { DataMap } from '../data-map/data-map.ts';
import { itemKey, type ItemKey } from '../data-map/item-key.ts';
import { adminService, type DirectusContext } from '../directus/directus-context.ts';
import { PortalFeatureOffError } from '../errors/portal-feature-off-error.ts';
import { displayName } from '../invitations/display-name.ts';
import { readContacts } from '../invitations/read-contacts.ts';
import { isoDate, ratingsCollection } from './fetch-ticket-rating.ts';
import { isTicketRating, type TicketRating } from './ticket-rating.ts';

/** The periods staff see counted, in days. */
export const ratingPeriods = [30, 90] as const;

export interface RatingCounts {
	days: number;
	good: number;
	bad: number;
}

export interface ListedRating {
	id: number;
	ticket: { id: ItemKey; subject: string };
	contact: { id: string; name: string } | null;
	customer: string | null;
	rating: TicketRating;
	comment: string | null;
	date: string | null;
}

export interface RatingsReport {
	counts: RatingCounts[];
	ratings: ListedRating[];
}

/** The most ratings the list gives (newest first); the counts count them all. */
export const ratingListLimit = 200;

/**
 * Satisfaction ratings for staff: good and bad counted over the last 30 and 90 days, and the ratings of the last
 * 90 days (newest first; only `rating`'s, or only one ticket's, where asked). Only ratings of tickets the staff user
 * may read count and show: the tickets are read as they are (`staff`), so a staff role that reads no tickets gets
 * Directus's 403.
 */
export async function listTicketRatings(
	context: DirectusContext,
	staff: Accountability,
	map: DataMap,
	{ rating, ticket, now = new Date() }: { rating?: TicketRating | null; ticket?: ItemKey | null; now?: Date },
): Promise<RatingsReport> {
	const { tickets, contacts, customers } = map;
	if (!tickets) throw new PortalFeatureOffError({ feature: 'Tickets' });
	const since = new Date(now.getTime() - Math.max(...ratingPeriods) * 24 * 60 * 60 * 1000);
	// Through Directus's service: it compares timestamps as each database stores them.
	const rows = (await adminService(context, ratingsCollection).readByQuery({
		fields: ['id', 'ticket_key', 'contact_key', 'rating', 'comment', 'date_created', 'date_updated'],
		filter: ticket != null ? { ticket_key: { _eq: String(ticket) } } : { date_created: { _gte: since.toISOString() } },
		sort: ['-date_created', '-id'],
		limit: -1,
	})) as Record<string, unknown>[];

	const keys = [...new Set(rows.map((row) => itemKey(row['ticket_key'])).filter((key) => key !== null))];
	const id = fieldOf(tickets, 'id');
	const subject = fieldOf(tickets, 'subject');
	// Asked even with no keys (a key is never null, whatever its type): a staff role that may not read tickets is
	// refused whether anything was rated or not.
	const readable = (await adminService(context, tickets.collection, staff).readByQuery({
		fields: [id, subject],
		filter: { [id]: keys.length > 0 ? { _in: keys } : { _null: true } },
		limit: -1,
	})) as Record<string, unknown>[];
	const ticketOf = new Map(readable.map((row) => [String(row[id]), row]));
	const customerOf = new Map<string, string | null>();
	if (readable.length > 0) {
		const named = (await context
			.knex(tickets.collection)
			.leftJoin(
				customers.collection,
				`${customers.collection}.${fieldOf(customers, 'id')}`,
				`${tickets.collection}.${fieldOf(tickets, 'customer')}`,
			)
			.select({ id: `${tickets.collection}.${id}`, name: `${customers.collection}.${fieldOf(customers, 'name')}` })
			.whereIn(
				`${tickets.collection}.${id}`,
				[...ticketOf.values()].map((row) => row[id] as ItemKey),
			)) as {
			id: ItemKey;
			name: string | null;
		}[];
		for (const row of named) customerOf.set(String(row.id), row.name);
	}

	const seen = rows.filter((row) => ticketOf.has(String(itemKey(row['ticket_key']))) && isTicketRating(row['rating']));
	const contactKeys = [...new Set(seen.map((row) => String(row['contact_key'])))];
	const people = contactKeys.length > 0 ? await readContacts(context.knex, contacts, { keys: contactKeys }) : [];
	const nameOf = new Map(people.map((person) => [String(person.id), displayName(person)]));

	const counts = ratingPeriods.map((days) => {
		const from = now.getTime() - days * 24 * 60 * 60 * 1000;
		const within = seen.filter((row) => new Date(isoDate(row['date_created']) ?? 0).getTime() >= from);
		return {
			days,
			good: within.filter((row) => row['rating'] === 'good').length,
			bad: within.filter((row) => row['rating'] === 'bad').length,
		};
	});
	const ratings = seen
		.filter((row) => !rating || row['rating'] === rating)
		.slice(0, ratingListLimit)
		.map((row): ListedRating => {
			const key = String(itemKey(row['ticket_key']));
			const ticketRow = ticketOf.get(key) as Record<string, unknown>;
			const contactKey = String(row['contact_key']);
			return {
				id: Number(row['id']),
				ticket: {
					id: ticketRow[id] as ItemKey,
					subject: typeof ticketRow[subject] === 'string' ? ticketRow[subject] : '',
				},
				contact: nameOf.has(contactKey) ? { id: contactKey, name: nameOf.get(contactKey) as string } : null,
				customer: customerOf.get(key) ?? null,
				rating: row['rating'] as TicketRating,
				comment: typeof row['comment'] === 'string' ? row['comment'] : null,
				date: isoDate(row['date_updated']) ?? isoDate(row['date_created']),
			};
		});
	return { counts, ratings };
}
