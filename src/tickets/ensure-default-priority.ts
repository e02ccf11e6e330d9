import type { Knex } from 'knex';
import type { DataMap } from '../data-map/data-map.ts';
import { databaseDialect, type DatabaseDialect } from '../database/database-dialect.ts';
import { sqlName } from '../database/sql-name.ts';
import { defaultPrioritySql, type DefaultPrioritySql } from './default-priority-sql.ts';
import { defaultPriorityTrigger } from './default-priority-trigger.ts';

/**
 * A database trigger that gives every new ticket without a priority the default one (`is_default`,
 * else the lowest sort order), on the tables the data map names (see `defaultPrioritySql`). In the database
 * rather than a hook so it holds on every write path, and because a contact who may not choose a priority
 * may not send the field at all.
 */
export { defaultPriorityTrigger };
const triggerName = defaultPriorityTrigger;

/** A PostgreSQL advisory lock key of the product's own ("CPprio"), so instances starting together take turns. */
const advisoryLockKey = 0x435070726963;

/** The trigger as installed: the tables it is on, and whether the one on `expected`'s table is exactly it. */
async function installed(
	knex: Knex,
	dialect: DatabaseDialect,
	expected: DefaultPrioritySql | null,
): Promise<{ tables: string[]; current: boolean }> {
	if (dialect === 'sqlite3') {
		const row = (await knex('sqlite_master')
			.select('tbl_name', 'sql')
			.where({ type: 'trigger', name: triggerName })
			.first()) as { tbl_name: string; sql: string | null } | undefined;
		if (!row) return { tables: [], current: false };
		return { tables: [row.tbl_name], current: row.tbl_name === expected?.table && row.sql === expected.installed };
	}
	const { rows } = (await knex.raw(
		`SELECT c.relname AS "table", p.prosrc AS body FROM pg_trigger t
		JOIN pg_class c ON c.oid = t.tgrelid
		LEFT JOIN pg_proc p ON p.oid = t.tgfoid
		WHERE NOT t.tgisinternal AND pg_table_is_visible(c.oid) AND t.tgname = ?`,
		[triggerName],
	)) as { rows: { table: string; body: string | null }[] };
	return {
		tables: rows.map(({ table }) => table),
		current: rows.length === 1 && rows[0]?.table === expected?.table && rows[0]?.body === expected?.installed,
	};
}

/**
 * Installs the trigger on the tables `map` names unless it is there, exactly. One found on another table (the
 * map changed) is dropped there; where the map gives no default priority (no tickets, no priorities, or no
 * priority role), one found is dropped and none installed. On SQLite, Directus rebuilds a table (dropping
 * its triggers) when a field or relation is added to it, so the ticket hook calls this before each create too.
 */
export async function ensureDefaultPriority(knex: Knex, map: DataMap): Promise<void> {
	const dialect = databaseDialect(knex);
	if (dialect === null) return;
	const expected = defaultPrioritySql(map, dialect);
	const found = await installed(knex, dialect, expected);
	if (found.current || (expected === null && found.tables.length === 0)) return;
	await knex.transaction(async (trx) => {
		if (dialect === 'pg') await trx.raw('SELECT pg_advisory_xact_lock(?)', [advisoryLockKey]);
		for (const table of found.tables)
			if (table !== expected?.table)
				await trx.raw(
					dialect === 'pg'
						? `DROP TRIGGER IF EXISTS ${triggerName} ON ${sqlName(table)}`
						: `DROP TRIGGER IF EXISTS ${triggerName}`,
				);
		if (expected === null) {
			if (dialect === 'pg') await trx.raw(`DROP FUNCTION IF EXISTS ${triggerName}()`);
			return;
		}
		for (const statement of expected.statements) await trx.raw(statement);
	});
}
