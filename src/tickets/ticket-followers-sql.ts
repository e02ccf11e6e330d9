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

/**
 * Statements that write the requester row of the ticket `NEW`; on an update, the old row goes first. An
 * insert only adds: its ticket is new, so it has no row yet (a deleted ticket's rows went with it), and a
 * `DELETE` per row would cost a bulk import an index probe each, planned for the table as it was when the
 * import began.
 */
export function requesterRowSql(event: 'insert' | 'update'): string[] {
	return [
		// `COALESCE(…) = 0`, not `IS NULL`: both databases may serve `IS NULL` from the participant index,
		// which holds every requester row; seen in PostgreSQL plans made while a bulk import filled the table.
		...(event === 'update'
			? ['DELETE FROM ticket_followers WHERE ticket = NEW.id AND COALESCE(participant, 0) = 0']
			: []),
		'INSERT INTO ticket_followers (ticket, contact) SELECT NEW.id, NEW.contact WHERE NEW.contact IS NOT NULL',
	];
}

/** Statements that write the row of the participant row `NEW`, as `requesterRowSql` does. */
export function participantRowSql(event: 'insert' | 'update'): string[] {
	return [
		...(event === 'update' ? ['DELETE FROM ticket_followers WHERE participant = NEW.id'] : []),
		'INSERT INTO ticket_followers (ticket, contact, participant) SELECT NEW.ticket, NEW.contact, NEW.id WHERE NEW.ticket IS NOT NULL AND NEW.contact IS NOT NULL',
	];
}
