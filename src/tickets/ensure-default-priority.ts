import type { Knex } from 'knex';
import { databaseDialect, type DatabaseDialect } from '../database/database-dialect.ts';

/**
 * A database trigger that gives every new ticket without a priority the default one (`is_default`,
 * else the lowest sort order). In the database rather than a hook so it holds on every write path,
 * and because a contact who may not choose a priority may not send the field at all.
 */
export const defaultPriorityTrigger = 'portal_tickets_default_priority';
const triggerName = defaultPriorityTrigger;
const priorityQuery =
	'SELECT id FROM ticket_priorities ORDER BY is_default DESC, sort IS NULL, sort ASC, id ASC LIMIT 1';

/** A PostgreSQL advisory lock key of the product's own ("CPprio"), so instances starting together take turns. */
const advisoryLockKey = 0x435070726963;

const statements: Record<DatabaseDialect, string[]> = {
	sqlite3: [
		`DROP TRIGGER IF EXISTS ${triggerName}`,
		`CREATE TRIGGER ${triggerName} AFTER INSERT ON tickets FOR EACH ROW WHEN NEW.priority IS NULL
		BEGIN UPDATE tickets SET priority = (${priorityQuery}) WHERE id = NEW.id; END`,
	],
	pg: [
		`CREATE OR REPLACE FUNCTION ${triggerName}() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF NEW.priority IS NULL THEN NEW.priority := (${priorityQuery}); END IF;
			RETURN NEW;
		END $$`,
		`DROP TRIGGER IF EXISTS ${triggerName} ON tickets`,
		`CREATE TRIGGER ${triggerName} BEFORE INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION ${triggerName}()`,
	],
};

async function isInstalled(knex: Knex, dialect: DatabaseDialect): Promise<boolean> {
	const found =
		dialect === 'sqlite3'
			? await knex('sqlite_master').select('name').where({ type: 'trigger', name: triggerName }).first()
			: await knex('pg_trigger').select('tgname').where('tgname', triggerName).first();
	return found !== undefined;
}

/**
 * Installs the trigger unless it is there. On SQLite, Directus rebuilds a table (dropping its triggers)
 * when a field or relation is added to it, so the ticket hook calls this before each create too.
 */
export async function ensureDefaultPriority(knex: Knex): Promise<void> {
	const dialect = databaseDialect(knex);
	if (dialect === null || (await isInstalled(knex, dialect))) return;
	await knex.transaction(async (trx) => {
		if (dialect === 'pg') await trx.raw('SELECT pg_advisory_xact_lock(?)', [advisoryLockKey]);
		for (const statement of statements[dialect]) await trx.raw(statement);
	});
}
