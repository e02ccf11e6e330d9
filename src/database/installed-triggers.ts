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
	if (dialect === 'sqlite3') {
		const ours = ({ name }: InstalledTrigger) => name.startsWith(definition.prefix);
		const rows = (await knex.raw("SELECT name, tbl_name AS \"table\", sql FROM sqlite_master WHERE type = 'trigger'")) as { name: string; table: string; sql: string | null }[];
		return { triggers: rows.map(({ name, table, sql }) => ({ name, table, text: sql ?? '', enabled: true })).filter(ours), functionComments: new Map() };
	}
	const triggers = (await knex.raw(
		`SELECT t.tgname AS name, c.relname AS "table", COALESCE(obj_description(t.oid, 'pg_trigger'), '') AS text, t.tgenabled <> 'D' AS enabled
		FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
		WHERE NOT t.tgisinternal AND pg_table_is_visible(c.oid) AND starts_with(t.tgname, ?)`,
		[definition.prefix],
	)) as { rows: InstalledTrigger[] };
	// Every function's comment in one query: this runs before each write to the set's tables.
	const functionNames = triggerSet(definition, dialect).functionNames;
	const functionComments = new Map<string, string | null>(functionNames.map((name) => [name, null]));
	if (functionNames.length > 0) {
		const functions = (await knex.raw(
			`SELECT p.proname AS name, obj_description(p.oid, 'pg_proc') AS comment FROM pg_proc p
			WHERE p.pronargs = 0 AND pg_function_is_visible(p.oid) AND p.proname IN (${functionNames.map(() => '?').join(', ')})`,
			[...functionNames],
		)) as { rows: { name: string; comment: string | null }[] };
		for (const { name, comment } of functions.rows) functionComments.set(name, comment);
	}
	return { triggers: triggers.rows, functionComments };
}
