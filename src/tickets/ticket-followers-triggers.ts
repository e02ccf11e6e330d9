import type { DatabaseDialect } from '../database/database-dialect.ts';
import { triggerMarker, type TriggerSetDefinition, type TriggerSetSql } from '../database/trigger-set.ts';
import { participantRowSql, requesterRowSql } from './ticket-followers-sql.ts';

/**
 * The triggers that keep `ticket_followers` exact in the same transaction as every write to a ticket's
 * requester or participants, whatever wrote it (see `expectedFollowersSql` for the rows):
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

const contactChanged = 'OLD.contact IS DISTINCT FROM NEW.contact';
const pairChanged = 'OLD.ticket IS DISTINCT FROM NEW.ticket OR OLD.contact IS DISTINCT FROM NEW.contact';

const statements = (sql: string[]) => sql.map((statement) => `${statement};`).join('\n\t\t');

function sqliteSql(): TriggerSetSql {
	const trigger = (table: string, event: string, body: string[], when?: string) => ({
		table,
		definition: `AFTER ${event} ON ${table} FOR EACH ROW${when ? ` WHEN ${when.replaceAll('IS DISTINCT FROM', 'IS NOT')}` : ''}
	BEGIN /* ${triggerMarker} */
		${statements(body)}
	END`,
	});
	return {
		functions: {},
		triggers: {
			[`${prefix}_ticket_insert`]: trigger('tickets', 'INSERT', requesterRowSql('insert')),
			[`${prefix}_ticket_update`]: trigger('tickets', 'UPDATE OF contact', requesterRowSql('update'), contactChanged),
			[`${prefix}_ticket_delete`]: trigger('tickets', 'DELETE', [
				'DELETE FROM ticket_followers WHERE ticket = OLD.id AND COALESCE(participant, 0) = 0',
			]),
			[`${prefix}_participant_insert`]: trigger('ticket_participants', 'INSERT', participantRowSql('insert')),
			[`${prefix}_participant_update`]: trigger(
				'ticket_participants',
				'UPDATE OF ticket, contact',
				participantRowSql('update'),
				pairChanged,
			),
			[`${prefix}_participant_delete`]: trigger('ticket_participants', 'DELETE', [
				'DELETE FROM ticket_followers WHERE participant = OLD.id',
			]),
		},
	};
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

function pgSql(): TriggerSetSql {
	const trigger = (table: string, event: string, fn: string, when?: string) => ({
		table,
		definition: `AFTER ${event} ON ${table} FOR EACH ROW${when ? ` WHEN (${when})` : ''} EXECUTE FUNCTION ${fn}()`,
	});
	return {
		functions: {
			[ofTicket]: byEvent(requesterRowSql),
			[ofParticipant]: byEvent(participantRowSql),
		},
		triggers: {
			[`${prefix}_ticket_insert`]: trigger('tickets', 'INSERT', ofTicket),
			[`${prefix}_ticket_update`]: trigger('tickets', 'UPDATE OF contact', ofTicket, contactChanged),
			[`${prefix}_participant_insert`]: trigger('ticket_participants', 'INSERT', ofParticipant),
			[`${prefix}_participant_update`]: trigger(
				'ticket_participants',
				'UPDATE OF ticket, contact',
				ofParticipant,
				pairChanged,
			),
		},
	};
}

/** The triggers that keep `ticket_followers`. */
export const ticketFollowersTriggers: TriggerSetDefinition = {
	prefix,
	keeps: 'ticket_followers',
	sql: (dialect: DatabaseDialect) => (dialect === 'pg' ? pgSql() : sqliteSql()),
};
