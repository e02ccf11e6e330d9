import type { DerivedTable } from '../database/derived-table.ts';
import { TicketFollowersReadOnlyError } from '../errors/ticket-followers-read-only-error.ts';
import { rebuildTicketFollowers } from './rebuild-ticket-followers.ts';
import { ticketFollowersAreExact } from './ticket-followers-are-exact.ts';
import { ticketFollowersTriggers } from './ticket-followers-triggers.ts';

/** `ticket_followers`: each ticket's requester and participants, a row per reason (see `expectedFollowersSql`). */
export const ticketFollowersDerivedTable: DerivedTable = {
	table: 'ticket_followers',
	triggers: ticketFollowersTriggers,
	columns: {
		tickets: ['id', 'contact'],
		ticket_participants: ['id', 'ticket', 'contact'],
		ticket_followers: ['ticket', 'contact', 'participant'],
	},
	sources: ['tickets', 'ticket_participants'],
	// "CPfoll" in ASCII.
	advisoryLockKey: 0x4350666f6c6c,
	isExact: ticketFollowersAreExact,
	rebuild: rebuildTicketFollowers,
	readOnlyError: () => new TicketFollowersReadOnlyError(),
};
