import type { TicketFollowersNames } from './ticket-followers-names.ts';

/**
 * `ticket_followers` (the data map's followers; the names here are the bundled schema's) holds one row per reason a contact follows a ticket: the ticket's requester
 * (`tickets.contact`, `participant` null) and each of its participant rows (`participant` set). The
 * portal's "own tickets" rule tests this one table, so PostgreSQL finds a contact's tickets from the
 * contact index instead of testing `contact = me OR id IN (participants)` on every ticket.
 *
 * A row per reason, not per pair, so that each trigger reads only its own row and writes only
 * `ticket_followers`: on SQLite, Directus changes a table's schema by copying it, dropping it and
 * renaming the copy, and SQLite refuses that rename while another table's trigger names the table.
 * A contact who is requester and participant has two rows, which the rule's `IN (…)` does not mind. A map
 * without participants keeps the requesters' rows only.
 */

/** `expression AS alias`, or the expression alone when it is a column of that name already. */
const as = (expression: string, alias: string) => (expression === alias ? expression : `${expression} AS ${alias}`);

/** `${participant} = 0` for the requester rows, or nothing when the followers have no participant column. */
const andRequesterRow = ({ followers }: TicketFollowersNames) =>
	followers.participant === null ? '' : ` AND COALESCE(${followers.participant}, 0) = 0`;

/** SQL for the rows `(ticket, contact, participant)` the table must hold (without `participant` when it has none). */
export function expectedFollowersSql(names: TicketFollowersNames): string {
	const { tickets, participants, followers } = names;
	const requesters = `SELECT ${as(tickets.id, 'ticket')}, ${as(tickets.requester, 'contact')}${followers.participant === null ? '' : ', NULL AS participant'} FROM ${tickets.table} WHERE ${tickets.requester} IS NOT NULL`;
	if (participants === null) return requesters;
	return `${requesters}
UNION ALL
SELECT ${as(participants.ticket, 'ticket')}, ${as(participants.contact, 'contact')}, ${as(participants.id, 'participant')} FROM ${participants.table} WHERE ${participants.ticket} IS NOT NULL AND ${participants.contact} IS NOT NULL`;
}

/** The followers' columns, in the order of `expectedFollowersSql`. */
export function followerColumnsSql({ followers }: TicketFollowersNames): string {
	return [followers.ticket, followers.contact, followers.participant].filter((column) => column !== null).join(', ');
}

/**
 * Statements that write the requester row of the ticket `NEW`; on an update, the old row goes first. An
 * insert only adds: its ticket is new, so it has no row yet (a deleted ticket's rows went with it), and a
 * `DELETE` per row would cost a bulk import an index probe each, planned for the table as it was when the
 * import began.
 */
export function requesterRowSql(names: TicketFollowersNames, event: 'insert' | 'update'): string[] {
	const { tickets, followers } = names;
	return [
		// `COALESCE(…) = 0`, not `IS NULL`: both databases may serve `IS NULL` from the participant index,
		// which holds every requester row; seen in PostgreSQL plans made while a bulk import filled the table.
		...(event === 'update'
			? [`DELETE FROM ${followers.table} WHERE ${followers.ticket} = NEW.${tickets.id}${andRequesterRow(names)}`]
			: []),
		`INSERT INTO ${followers.table} (${followers.ticket}, ${followers.contact}) SELECT NEW.${tickets.id}, NEW.${tickets.requester} WHERE NEW.${tickets.requester} IS NOT NULL`,
	];
}

/** The statement that deletes the requester row of the ticket `OLD`. */
export function requesterRowDeleteSql(names: TicketFollowersNames): string {
	const { tickets, followers } = names;
	return `DELETE FROM ${followers.table} WHERE ${followers.ticket} = OLD.${tickets.id}${andRequesterRow(names)}`;
}

/** Statements that write the row of the participant row `NEW`, as `requesterRowSql` does. */
export function participantRowSql(
	{ followers }: TicketFollowersNames,
	participants: NonNullable<TicketFollowersNames['participants']>,
	event: 'insert' | 'update',
): string[] {
	const participant = followers.participant as string;
	return [
		...(event === 'update' ? [`DELETE FROM ${followers.table} WHERE ${participant} = NEW.${participants.id}`] : []),
		`INSERT INTO ${followers.table} (${followers.ticket}, ${followers.contact}, ${participant}) SELECT NEW.${participants.ticket}, NEW.${participants.contact}, NEW.${participants.id} WHERE NEW.${participants.ticket} IS NOT NULL AND NEW.${participants.contact} IS NOT NULL`,
	];
}
