import type { DatabaseDialect } from '../database/database-dialect.ts';
import { triggerMarker, type TriggerSetDefinition, type TriggerSetSql } from '../database/trigger-set.ts';
import type { TicketFollowersNames } from './ticket-followers-names.ts';
import { participantRowSql, requesterRowDeleteSql, requesterRowSql } from './ticket-followers-sql.ts';

/**
 * The triggers that keep `ticket_followers` exact in the same transaction as every write to a ticket's
 * requester or participants, whatever wrote it (see `expectedFollowersSql` for the rows), on the tables the
 * data map names (the bundled schema's names here; without participants, only the tickets' triggers):
 * - tickets: insert adds the ticket's requester row, update of `contact` writes it anew;
 * - ticket_participants: insert adds the participant's row, update of `ticket` or `contact` writes it anew;
 * - delete: the foreign keys' ON DELETE CASCADE (ticket, contact, participant). SQLite only enforces
 *   those on connections that enable them (Directus does, a raw import may not), so there triggers on
 *   delete do it too; a row left pointing at a deleted contact mirrors the source row left the same way.
 * Each trigger reads only its own row and touches only the rows it owns, through the indexes.
 */

const prefix = 'portal_ticket_followers';
const ofTicket = `${prefix}_of_ticket`;
const ofParticipant = `${prefix}_of_participant`;

type Participants = NonNullable<TicketFollowersNames['participants']>;

const changedSql = (columns: string[]) =>
	columns.map((column) => `OLD.${column} IS DISTINCT FROM NEW.${column}`).join(' OR ');
const contactChanged = ({ tickets }: TicketFollowersNames) => changedSql([tickets.requester]);
const pairChanged = (participants: Participants) => changedSql([participants.ticket, participants.contact]);

const statements = (sql: string[]) => sql.map((statement) => `${statement};`).join('\n\t\t');

function sqliteSql(names: TicketFollowersNames): TriggerSetSql {
	const { raw, tickets, participants, followers } = names;
	const trigger = (table: string, sqlTable: string, event: string, body: string[], when?: string) => ({
		table,
		definition: `AFTER ${event} ON ${sqlTable} FOR EACH ROW${when ? ` WHEN ${when.replaceAll('IS DISTINCT FROM', 'IS NOT')}` : ''}
	BEGIN /* ${triggerMarker} */
		${statements(body)}
	END`,
	});
	const onTickets = (event: string, body: string[], when?: string) =>
		trigger(raw.tickets.table, tickets.table, event, body, when);
	const triggers: Record<string, { table: string; definition: string }> = {
		[`${prefix}_ticket_insert`]: onTickets('INSERT', requesterRowSql(names, 'insert')),
		[`${prefix}_ticket_update`]: onTickets(
			`UPDATE OF ${tickets.requester}`,
			requesterRowSql(names, 'update'),
			contactChanged(names),
		),
		[`${prefix}_ticket_delete`]: onTickets('DELETE', [requesterRowDeleteSql(names)]),
	};
	if (participants !== null && raw.participants !== null) {
		const participantsTable = raw.participants.table;
		const onParticipants = (event: string, body: string[], when?: string) =>
			trigger(participantsTable, participants.table, event, body, when);
		triggers[`${prefix}_participant_insert`] = onParticipants(
			'INSERT',
			participantRowSql(names, participants, 'insert'),
		);
		triggers[`${prefix}_participant_update`] = onParticipants(
			`UPDATE OF ${participants.ticket}, ${participants.contact}`,
			participantRowSql(names, participants, 'update'),
			pairChanged(participants),
		);
		triggers[`${prefix}_participant_delete`] = onParticipants('DELETE', [
			`DELETE FROM ${followers.table} WHERE ${followers.participant as string} = OLD.${participants.id}`,
		]);
	}
	return { functions: {}, triggers };
}

/** A PL/pgSQL body running `sql`'s statements for the event that fired it. */
function byEvent(sql: (event: 'insert' | 'update') => string[]): string {
	return `BEGIN
	IF TG_OP = 'INSERT' THEN
		${statements(sql('insert'))}
	ELSE
		${statements(sql('update'))}
	END IF;
	RETURN NULL;
END`;
}

function pgSql(names: TicketFollowersNames): TriggerSetSql {
	const { raw, tickets, participants } = names;
	const trigger = (table: string, sqlTable: string, event: string, fn: string, when?: string) => ({
		table,
		definition: `AFTER ${event} ON ${sqlTable} FOR EACH ROW${when ? ` WHEN (${when})` : ''} EXECUTE FUNCTION ${fn}()`,
	});
	const functions: Record<string, string> = { [ofTicket]: byEvent((event) => requesterRowSql(names, event)) };
	const triggers: Record<string, { table: string; definition: string }> = {
		[`${prefix}_ticket_insert`]: trigger(raw.tickets.table, tickets.table, 'INSERT', ofTicket),
		[`${prefix}_ticket_update`]: trigger(
			raw.tickets.table,
			tickets.table,
			`UPDATE OF ${tickets.requester}`,
			ofTicket,
			contactChanged(names),
		),
	};
	if (participants !== null && raw.participants !== null) {
		functions[ofParticipant] = byEvent((event) => participantRowSql(names, participants, event));
		triggers[`${prefix}_participant_insert`] = trigger(
			raw.participants.table,
			participants.table,
			'INSERT',
			ofParticipant,
		);
		triggers[`${prefix}_participant_update`] = trigger(
			raw.participants.table,
			participants.table,
			`UPDATE OF ${participants.ticket}, ${participants.contact}`,
			ofParticipant,
			pairChanged(participants),
		);
	}
	return { functions, triggers };
}

/** The triggers that keep the followers on the tables `names` gives (see `ticketFollowersNames`). */
export function ticketFollowersTriggers(names: TicketFollowersNames): TriggerSetDefinition {
	return {
		prefix,
		keeps: names.raw.followers.table,
		sql: (dialect: DatabaseDialect) => (dialect === 'pg' ? pgSql(names) : sqliteSql(names)),
	};
}
