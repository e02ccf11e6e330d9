import type { Knex } from 'knex';
import { requireDatabaseDialect } from '../database/database-dialect.ts';
import { bundledDataMap } from '../data-map/data-map.ts';
import { derivedTablesOf } from '../database/derived-tables-of.ts';
import { roleIndexPrefix } from '../data-map/role-indexes.ts';
import { triggerSet } from '../database/trigger-set.ts';
import { defaultPriorityTrigger } from '../tickets/ensure-default-priority.ts';

/**
 * Drops every trigger, trigger function and index the product created in the database (src/database/,
 * src/hierarchy/, src/tickets/): the triggers that keep the derived tables, of this version or an older one
 * (each set names all of its triggers with its prefix, and nothing else), and the ticket default-priority
 * trigger, and the indexes it added for a data map's roles (`portal_ix_…`). Nothing named otherwise is touched,
 * on whichever tables a data map put them. Idempotent; returns
 * what it dropped.
 */
export async function dropPortalDatabaseObjects(knex: Knex): Promise<string[]> {
	const dialect = requireDatabaseDialect(knex);
	// The bundled map keeps every set the product has; the names of triggers, functions and indexes are the
	// product's whatever the map.
	const derivedTables = derivedTablesOf(bundledDataMap());
	const prefixes = [...derivedTables.map(({ triggers }) => triggers.prefix), defaultPriorityTrigger];
	const sets = derivedTables.map(({ triggers }) => triggerSet(triggers, dialect));
	const functionNames = new Set([
		...sets.flatMap((set) => set.functionNames),
		...(dialect === 'pg' ? [defaultPriorityTrigger] : []),
	]);
	const indexNames = new Set(sets.flatMap((set) => set.indexNames));
	const isOurs = (name: string) => prefixes.some((prefix) => name.startsWith(prefix));
	const dropped: string[] = [];

	if (dialect === 'sqlite3') {
		const rows = (await knex.raw("SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'index')")) as {
			type: 'trigger' | 'index';
			name: string;
		}[];
		for (const { type, name } of rows) {
			if (type === 'trigger' && isOurs(name)) await knex.raw('DROP TRIGGER IF EXISTS ??', [name]);
			else if (type === 'index' && (indexNames.has(name) || name.startsWith(roleIndexPrefix)))
				await knex.raw('DROP INDEX IF EXISTS ??', [name]);
			else continue;
			dropped.push(`${type} ${name}`);
		}
		return dropped;
	}

	const triggers = (
		(await knex.raw(
			`SELECT t.tgname AS name, c.relname AS "table" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
			WHERE NOT t.tgisinternal AND pg_table_is_visible(c.oid)`,
		)) as { rows: { name: string; table: string }[] }
	).rows.filter(({ name }) => isOurs(name));
	for (const { name, table } of triggers) {
		await knex.raw('DROP TRIGGER IF EXISTS ?? ON ??', [name, table]);
		dropped.push(`trigger ${name}`);
	}
	const functions = (
		(await knex.raw(
			'SELECT p.proname AS name FROM pg_proc p WHERE p.pronargs = 0 AND pg_function_is_visible(p.oid) AND p.proname = ANY(?::name[])',
			[[...functionNames]],
		)) as {
			rows: { name: string }[];
		}
	).rows;
	for (const { name } of functions) {
		await knex.raw('DROP FUNCTION IF EXISTS ??()', [name]);
		dropped.push(`function ${name}`);
	}
	const indexes = (
		(await knex.raw(
			"SELECT i.relname AS name FROM pg_class i WHERE i.relkind = 'i' AND pg_table_is_visible(i.oid) AND (i.relname = ANY(?::name[]) OR starts_with(i.relname::text, ?))",
			[[...indexNames], roleIndexPrefix],
		)) as {
			rows: { name: string }[];
		}
	).rows;
	for (const { name } of indexes) {
		await knex.raw('DROP INDEX IF EXISTS ??', [name]);
		dropped.push(`index ${name}`);
	}
	return dropped;
}
