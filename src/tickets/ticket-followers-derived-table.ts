import type { DataMap } from '../data-map/data-map.ts';
import type { DerivedTable } from '../database/derived-table.ts';
import { TicketFollowersReadOnlyError } from '../errors/ticket-followers-read-only-error.ts';
import { rebuildTicketFollowers } from './rebuild-ticket-followers.ts';
import { ticketFollowersAreExact } from './ticket-followers-are-exact.ts';
import { ticketFollowersNames } from './ticket-followers-names.ts';
import { ticketFollowersTriggers } from './ticket-followers-triggers.ts';

/**
 * The followers (`ticket_followers` in the bundled schema): each ticket's requester and participants, a row per
 * reason (see `expectedFollowersSql`), on the tables `map` names; null when it has no tickets or no followers.
 */
export function ticketFollowersDerivedTable(map: DataMap): DerivedTable | null {
	const names = ticketFollowersNames(map);
	if (names === null) return null;
	const { tickets, participants, followers } = names.raw;
	const columns: Record<string, string[]> = { [tickets.table]: [tickets.id, tickets.requester] };
	if (participants !== null) columns[participants.table] = [participants.id, participants.ticket, participants.contact];
	columns[followers.table] = [followers.ticket, followers.contact, followers.participant].filter(
		(column) => column !== null,
	);
	return {
		table: followers.table,
		triggers: ticketFollowersTriggers(names),
		columns,
		sources: participants === null ? [tickets.table] : [tickets.table, participants.table],
		// "CPfoll" in ASCII.
		advisoryLockKey: 0x4350666f6c6c,
		isExact: (knex) => ticketFollowersAreExact(knex, names),
		rebuild: (knex) => rebuildTicketFollowers(knex, names),
		readOnlyError: () => new TicketFollowersReadOnlyError(),
	};
}
