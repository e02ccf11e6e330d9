import type { Knex } from 'knex';
import { requireDatabaseDialect } from './database-dialect.ts';
import { triggerSet, type TriggerSetDefinition } from './trigger-set.ts';

/** One of this product's triggers as the database holds it. */
export interface InstalledTrigger {
	name: string;
	table: string;
	/** The trigger's SQL (SQLite) or comment (PostgreSQL): where the version marker is kept. */
	text: string;
	/** False for a PostgreSQL trigger someone disabled. */
	enabled: boolean;
}

/**
 * The set's triggers as installed, whatever their version (any trigger named with its prefix), and
 * the comment of each of its PostgreSQL functions (null when missing; none on SQLite).
 */
export async function installedTriggers(
	knex: Knex,
	definition: TriggerSetDefinition,
): Promise<{ triggers: InstalledTrigger[]; functionComments: Map<string, string | null> }> {
	const dialect = requireDatabaseDialect(knex);
	const ours = ({ name }: InstalledTrigger) => name.startsWith(definition.prefix);
	if (dialect === 'sqlite3') {
		const rows = (await knex.raw("SELECT name, tbl_name AS \"table\", sql FROM sqlite_master WHERE type = 'trigger'")) as { name: string; table: string; sql: string | null }[];
		return { triggers: rows.map(({ name, table, sql }) => ({ name, table, text: sql ?? '', enabled: true })).filter(ours), functionComments: new Map() };
	}
	const triggers = (await knex.raw(
		`SELECT t.tgname AS name, c.relname AS "table", COALESCE(obj_description(t.oid, 'pg_trigger'), '') AS text, t.tgenabled <> 'D' AS enabled
		FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
		WHERE NOT t.tgisinternal AND pg_table_is_visible(c.oid)`,
	)) as { rows: InstalledTrigger[] };
	const functionComments = new Map<string, string | null>();
	for (const name of triggerSet(definition, dialect).functionNames) {
		const result = (await knex.raw(`SELECT obj_description(to_regprocedure(?), 'pg_proc') AS comment`, [`${name}()`])) as { rows: { comment: string | null }[] };
		functionComments.set(name, result.rows[0]?.comment ?? null);
	}
	return { triggers: triggers.rows.filter(ours), functionComments };
}
