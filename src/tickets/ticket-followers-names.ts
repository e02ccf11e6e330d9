import { fieldOf } from '../compiler/mapped-fields.ts';
import type { DataMap } from '../data-map/data-map.ts';
import { sqlName } from '../database/sql-name.ts';

/** Where the followers are derived from and kept, as the database names them or as SQL writes them. */
interface FollowersPlaces {
	readonly tickets: { readonly table: string; readonly id: string; readonly requester: string };
	/** Null when the map has no participants (or the followers no participant column): requesters only. */
	readonly participants: {
		readonly table: string;
		readonly id: string;
		readonly ticket: string;
		readonly contact: string;
	} | null;
	readonly followers: {
		readonly table: string;
		readonly ticket: string;
		readonly contact: string;
		readonly participant: string | null;
	};
}

/** The names the followers' SQL reads: `raw` as the database names them, the rest as SQL writes them (`sqlName`). */
export type TicketFollowersNames = FollowersPlaces & { readonly raw: FollowersPlaces };

/**
 * Where `map` keeps tickets, their participants and their followers, or null when it has no tickets or no
 * followers (nothing to keep).
 */
export function ticketFollowersNames(map: DataMap): TicketFollowersNames | null {
	const { tickets, ticket_participants: participants, ticket_followers: followers } = map;
	if (tickets === null || followers === null) return null;
	const participant = followers.fields.participant;
	const raw: FollowersPlaces = {
		tickets: { table: tickets.collection, id: fieldOf(tickets, 'id'), requester: fieldOf(tickets, 'requester') },
		participants:
			participants === null || participant === null
				? null
				: {
						table: participants.collection,
						id: fieldOf(participants, 'id'),
						ticket: fieldOf(participants, 'ticket'),
						contact: fieldOf(participants, 'contact'),
					},
		followers: {
			table: followers.collection,
			ticket: fieldOf(followers, 'ticket'),
			contact: fieldOf(followers, 'contact'),
			participant,
		},
	};
	const quoted = <T extends Record<string, string | null>>(names: T) =>
		Object.fromEntries(Object.entries(names).map(([key, name]) => [key, name === null ? null : sqlName(name)])) as T;
	return {
		raw,
		tickets: quoted(raw.tickets),
		participants: raw.participants === null ? null : quoted(raw.participants),
		followers: quoted(raw.followers),
	};
}
