import type { Accountability } from '@directus/types';
import { ForbiddenError } from '@directus/errors';
import type { PortalUser } from '../access/resolve-portal-user.ts';
import { fieldOf } from '../compiler/mapped-fields.ts';
import type { DataMap } from '../data-map/data-map.ts';
import type { ItemKey } from '../data-map/item-key.ts';
import { portalStateOf, stateValues } from '../data-map/state-values.ts';
import { adminService, type DirectusContext } from '../directus/directus-context.ts';
import { PortalFeatureOffError } from '../errors/portal-feature-off-error.ts';
import { assertRatable, ratingChangeableUntil, ratingRefusal } from './assert-ratable.ts';
import { fetchTicketRating, ratingsCollection } from './fetch-ticket-rating.ts';
import type { TicketRatingInput } from './parse-ticket-rating.ts';
import type { TicketRating, TicketRatingRecord } from './ticket-rating.ts';

/** What the portal shows of a ticket's rating to the contact who reads it. */
export interface RatingState {
	rating: TicketRatingRecord | null;
	/** Whether they may give or change it now; `refusal` says why not. */
	canRate: boolean;
	refusal: string | null;
	/** Until when a given rating may be changed. */
	changeableUntil: string | null;
}

/**
 * The ticket as the contact may see it: asked of Directus with the contact's own accountability, so a ticket
 * their group does not show them is Directus's 403 — whether it exists or not. Its state and requester are then
 * read by the product (the contact's group need not read the requester field).
 */
async function ticketFacts(context: DirectusContext, contact: Accountability, map: DataMap, ticket: ItemKey) {
	const { tickets } = map;
	if (!tickets) throw new PortalFeatureOffError({ feature: 'Tickets' });
	const id = fieldOf(tickets, 'id');
	const seen = await adminService(context, tickets.collection, contact).readByQuery({
		fields: [id],
		filter: { [id]: { _eq: ticket } },
		limit: 1,
	});
	if (seen.length === 0) throw new ForbiddenError();
	const row = (await context
		.knex(tickets.collection)
		.select({ status: fieldOf(tickets, 'status'), requester: fieldOf(tickets, 'requester') })
		.where(id, ticket)
		.first()) as { status: unknown; requester: unknown } | undefined;
	if (!row) throw new ForbiddenError();
	const states = stateValues(map, 'tickets', 'status');
	return { state: states ? portalStateOf(states, row.status) : row.status, requester: row.requester };
}

/** What the contact is shown of their rating, from the ticket's facts and their stored rating. */
function ratingStateOf(
	facts: Awaited<ReturnType<typeof ticketFacts>>,
	stored: Awaited<ReturnType<typeof fetchTicketRating>>,
	portalUser: PortalUser,
	now: Date,
): RatingState {
	const firstRatedAt = stored ? new Date(stored.date_created) : null;
	const refusal = ratingRefusal({
		state: facts.state,
		isRequester: String(facts.requester) === String(portalUser.contact.id),
		firstRatedAt,
		now,
	});
	return {
		rating: stored && {
			rating: stored.rating,
			comment: stored.comment,
			date_created: stored.date_created,
			date_updated: stored.date_updated,
		},
		canRate: refusal === null,
		refusal,
		changeableUntil: firstRatedAt ? ratingChangeableUntil(firstRatedAt).toISOString() : null,
	};
}

/** The contact's rating of a ticket they may see, and whether they may rate it now. */
export async function readRatingState(
	context: DirectusContext,
	contact: Accountability,
	portalUser: PortalUser,
	map: DataMap,
	ticket: ItemKey,
	now = new Date(),
): Promise<RatingState> {
	const facts = await ticketFacts(context, contact, map, ticket);
	return ratingStateOf(facts, await fetchTicketRating(context.knex, ticket, portalUser.contact.id), portalUser, now);
}

/**
 * Gives or changes the contact's rating of a ticket (`assertRatable`): a re-rating replaces theirs. Answers the
 * rating as it is now and the one it replaced (null for a first rating).
 */
export async function rateTicket(
	context: DirectusContext,
	contact: Accountability,
	portalUser: PortalUser,
	map: DataMap,
	ticket: ItemKey,
	input: TicketRatingInput,
	now = new Date(),
): Promise<{ state: RatingState; previous: TicketRating | null }> {
	const facts = await ticketFacts(context, contact, map, ticket);
	const existing = await fetchTicketRating(context.knex, ticket, portalUser.contact.id);
	assertRatable({
		state: facts.state,
		isRequester: String(facts.requester) === String(portalUser.contact.id),
		firstRatedAt: existing ? new Date(existing.date_created) : null,
		now,
	});
	const ratings = adminService(context, ratingsCollection);
	if (existing) await ratings.updateOne(existing.id, { rating: input.rating, comment: input.comment });
	else
		await ratings.createOne({
			ticket_key: String(ticket),
			contact_key: String(portalUser.contact.id),
			rating: input.rating,
			comment: input.comment,
		});
	const stored = await fetchTicketRating(context.knex, ticket, portalUser.contact.id);
	return { state: ratingStateOf(facts, stored, portalUser, now), previous: existing?.rating ?? null };
}
