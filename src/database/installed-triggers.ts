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

export interface InstalledTriggerSet {
	/** Every trigger named with the set's prefix, whatever its version. */
	triggers: InstalledTrigger[];
	/** The comment of each of the set's PostgreSQL functions (null when missing; none on SQLite). */
	functionComments: Map<string, string | null>;
	/** Those of the set's indexes that exist, with the table each is on. */
	indexes: { name: string; table: string }[];
}

/** The set's triggers, functions and indexes as installed (see `installedTriggerSets`). */
export async function installedTriggers(knex: Knex, definition: TriggerSetDefinition): Promise<InstalledTriggerSet> {
	return (await installedTriggerSets(knex, [definition]))[0] as InstalledTriggerSet;
}

/**
 * Each set's triggers, functions and indexes as installed, in the order given, read in one query: this runs
 * before every write to the sets' source tables.
 */
export async function installedTriggerSets(
	knex: Knex,
	definitions: readonly TriggerSetDefinition[],
): Promise<InstalledTriggerSet[]> {
	const dialect = requireDatabaseDialect(knex);
	if (definitions.length === 0) return [];
	const functionNames = definitions.flatMap((definition) => triggerSet(definition, dialect).functionNames);
	const indexNames = definitions.flatMap((definition) => triggerSet(definition, dialect).indexNames);
	let rows: {
		kind: 'trigger' | 'function' | 'index';
		name: string;
		table: string | null;
		text: string | null;
		enabled: boolean;
	}[];
	if (dialect === 'sqlite3') {
		const found = (await knex.raw(
			"SELECT type, name, tbl_name AS \"table\", sql FROM sqlite_master WHERE type IN ('trigger', 'index')",
		)) as { type: 'trigger' | 'index'; name: string; table: string; sql: string | null }[];
		rows = found.map(({ type, name, table, sql }) => ({ kind: type, name, table, text: sql, enabled: true }));
	} else {
		rows = (
			(await knex.raw(
				`SELECT 'trigger' AS kind, t.tgname AS name, c.relname AS "table", obj_description(t.oid, 'pg_trigger') AS text, t.tgenabled <> 'D' AS enabled
				FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
				WHERE NOT t.tgisinternal AND pg_table_is_visible(c.oid) AND t.tgname::text ^@ ANY(?::text[])
				UNION ALL
				SELECT 'function', p.proname, NULL, obj_description(p.oid, 'pg_proc'), true FROM pg_proc p
				WHERE p.pronargs = 0 AND pg_function_is_visible(p.oid) AND p.proname = ANY(?::name[])
				UNION ALL
				SELECT 'index', i.relname, t.relname, NULL, true FROM pg_class i
				JOIN pg_index x ON x.indexrelid = i.oid JOIN pg_class t ON t.oid = x.indrelid
				WHERE i.relkind = 'i' AND pg_table_is_visible(i.oid) AND i.relname = ANY(?::name[])`,
				[definitions.map(({ prefix }) => prefix), functionNames, indexNames],
			)) as { rows: typeof rows }
		).rows;
	}
	const triggers: InstalledTrigger[] = rows
		.filter(({ kind }) => kind === 'trigger')
		.map(({ name, table, text, enabled }) => ({ name, table: table ?? '', text: text ?? '', enabled }));
	const comments = new Map(rows.filter(({ kind }) => kind === 'function').map(({ name, text }) => [name, text]));
	const indexes = new Map(rows.filter(({ kind }) => kind === 'index').map(({ name, table }) => [name, table ?? '']));
	return definitions.map((definition) => {
		const set = triggerSet(definition, dialect);
		return {
			triggers: triggers.filter(({ name }) => name.startsWith(definition.prefix)),
			functionComments: new Map(set.functionNames.map((name) => [name, comments.get(name) ?? null])),
			indexes: set.indexNames.flatMap((name) => {
				const table = indexes.get(name);
				return table === undefined ? [] : [{ name, table }];
			}),
		};
	});
}
