/**
 * `ticket_followers` holds one row per reason a contact follows a ticket: the ticket's requester
 * (`tickets.contact`, `participant` null) and each of its participant rows (`participant` set). The
 * portal's "own tickets" rule tests this one table, so PostgreSQL finds a contact's tickets from the
 * contact index instead of testing `contact = me OR id IN (participants)` on every ticket.
 *
 * A row per reason, not per pair, so that each trigger reads only its own row and writes only
 * `ticket_followers`: on SQLite, Directus changes a table's schema by copying it, dropping it and
 * renaming the copy, and SQLite refuses that rename while another table's trigger names the table.
 * A contact who is requester and participant has two rows, which the rule's `IN (…)` does not mind.
 */

/** SQL for the rows `(ticket, contact, participant)` the table must hold. */
export const expectedFollowersSql = `SELECT id AS ticket, contact, NULL AS participant FROM tickets WHERE contact IS NOT NULL
UNION ALL
SELECT ticket, contact, id AS participant FROM ticket_participants WHERE ticket IS NOT NULL AND contact IS NOT NULL`;

/** Statements that write the requester row of the ticket `row` (an alias, `NEW`) anew. */
export function requesterRowSql(row: string): string[] {
	return [
		`DELETE FROM ticket_followers WHERE ticket = ${row}.id AND participant IS NULL`,
		`INSERT INTO ticket_followers (ticket, contact) SELECT ${row}.id, ${row}.contact WHERE ${row}.contact IS NOT NULL`,
	];
}

/** Statements that write the row of the participant row `row` (an alias, `NEW`) anew. */
export function participantRowSql(row: string): string[] {
	return [
		`DELETE FROM ticket_followers WHERE participant = ${row}.id`,
		`INSERT INTO ticket_followers (ticket, contact, participant) SELECT ${row}.ticket, ${row}.contact, ${row}.id WHERE ${row}.ticket IS NOT NULL AND ${row}.contact IS NOT NULL`,
	];
}
