import type { Knex } from 'knex';

/**
 * A database trigger that gives every new ticket without a priority the default one (`is_default`,
 * else the lowest sort order). In the database rather than a hook so it holds on every write path,
 * and because a contact who may not choose a priority may not send the field at all.
 */
const priorityQuery = 'SELECT id FROM ticket_priorities ORDER BY is_default DESC, sort IS NULL, sort ASC, id ASC LIMIT 1';

const statements: Record<'sqlite3' | 'pg', string[]> = {
	sqlite3: [
		'DROP TRIGGER IF EXISTS portal_tickets_default_priority',
		`CREATE TRIGGER portal_tickets_default_priority AFTER INSERT ON tickets FOR EACH ROW WHEN NEW.priority IS NULL
		BEGIN UPDATE tickets SET priority = (${priorityQuery}) WHERE id = NEW.id; END`,
	],
	pg: [
		`CREATE OR REPLACE FUNCTION portal_tickets_default_priority() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF NEW.priority IS NULL THEN NEW.priority := (${priorityQuery}); END IF;
			RETURN NEW;
		END $$`,
		'DROP TRIGGER IF EXISTS portal_tickets_default_priority ON tickets',
		'CREATE TRIGGER portal_tickets_default_priority BEFORE INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION portal_tickets_default_priority()',
	],
};

export function databaseDialect(knex: Knex): 'sqlite3' | 'pg' {
	const client = String(knex.client.config.client);
	if (client === 'sqlite3') return 'sqlite3';
	if (client === 'pg' || client === 'postgres' || client === 'postgresql') return 'pg';
	throw new Error(`Customer Portal supports SQLite and PostgreSQL, not "${client}".`);
}

export async function installDefaultPriority(knex: Knex): Promise<void> {
	await knex.transaction(async (trx) => {
		for (const statement of statements[databaseDialect(knex)]) await trx.raw(statement);
	});
}
