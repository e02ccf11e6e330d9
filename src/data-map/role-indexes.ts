/**
 * The indexes the portal needs on a map's collections: the bundled schema's, on the columns playing the same
 * roles — the links the rules filter and join by (a ticket's customer and requester, a contact's customer and
 * user, a customer's parent, a reply's ticket, …) and what the portal's lists filter and sort by (a ticket's
 * status, its creation date: a contact's newest tickets of 2,000 customers are found by walking the dates). A team's collection may have no
 * index there; without one, a contact's ticket list reads the whole table. Where none exists (on any index
 * whose first column it is, or a key), the product adds one under a name of its own (`portal_ix_…`), shown in
 * the data map's plan before it is saved, and dropped by an uninstall.
 */
import { createHash } from 'node:crypto';
import type { Snapshot } from '@directus/types';
import type { Knex } from 'knex';
import { requireDatabaseDialect } from '../database/database-dialect.ts';
import { productSnapshot } from '../install/product-schema.ts';
import type { DataMap, ObjectMap } from './data-map.ts';
import { type ObjectName, objectNames, objectSpecs, type RoleSpec } from './object-specs.ts';

export interface RoleIndex {
	collection: string;
	column: string;
	/** The index the product creates for it. */
	name: string;
	object: ObjectName;
	role: string;
}

/** What every index the product adds for a data map is named with, and nothing else. */
export const roleIndexPrefix = 'portal_ix_';

/** A name PostgreSQL keeps whole (63 bytes): readable where it fits, else cut with a hash of the whole. */
export function roleIndexName(collection: string, column: string): string {
	const name = `${roleIndexPrefix}${collection}_${column}`;
	if (name.length <= 63) return name;
	const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
	return `${name.slice(0, 54)}_${hash}`;
}

/** `object.role` for each role whose field is indexed in the bundled schema (`snapshot`): the roles rules filter by. */
export function indexedRoles(snapshot: Pick<Snapshot, 'fields'>): Set<string> {
	const indexed = new Set(
		snapshot.fields.filter((field) => field.schema?.is_indexed).map((field) => `${field.collection}.${field.field}`),
	);
	const roles = new Set<string>();
	for (const object of objectNames) {
		const spec = objectSpecs[object];
		for (const [role, roleSpec] of Object.entries(spec.roles) as [string, RoleSpec][])
			if (roleSpec.owner !== 'product' && roleSpec.kind !== 'key' && indexed.has(`${spec.bundled}.${roleSpec.bundled}`))
				roles.add(`${object}.${role}`);
	}
	return roles;
}

let bundled: Set<string> | undefined;
/** `indexedRoles` of the shipped schema (both snapshots index the same fields). */
export function bundledIndexedRoles(): ReadonlySet<string> {
	return (bundled ??= indexedRoles(productSnapshot('sqlite3')));
}

/** The columns of `map` that play an indexed role (a chain's first step), one entry per column. */
export function roleIndexesOf(map: DataMap, roles: ReadonlySet<string>): RoleIndex[] {
	const found = new Map<string, RoleIndex>();
	for (const object of objectNames) {
		const mapped: ObjectMap | null = map[object];
		if (!mapped) continue;
		for (const [role, field] of Object.entries(mapped.fields as Record<string, string | null>)) {
			if (field === null || !roles.has(`${object}.${role}`)) continue;
			const column = field.split('.')[0] as string;
			const key = `${mapped.collection}.${column}`;
			if (!found.has(key))
				found.set(key, {
					collection: mapped.collection,
					column,
					name: roleIndexName(mapped.collection, column),
					object,
					role,
				});
		}
	}
	return [...found.values()];
}

/** For each table, the columns that lead some index (a key's included). */
async function leadingColumns(knex: Knex, tables: readonly string[]): Promise<Map<string, Set<string>>> {
	const leading = new Map(tables.map((table) => [table, new Set<string>()]));
	if (requireDatabaseDialect(knex) === 'pg') {
		const { rows } = (await knex.raw(
			`SELECT c.relname AS "table", a.attname AS "column" FROM pg_index i
			JOIN pg_class c ON c.oid = i.indrelid JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
			WHERE pg_table_is_visible(c.oid) AND c.relname = ANY(?::name[])`,
			[[...tables]],
		)) as { rows: { table: string; column: string }[] };
		for (const { table, column } of rows) leading.get(table)?.add(column);
		return leading;
	}
	for (const table of tables) {
		const indexes = (await knex.raw('SELECT name FROM pragma_index_list(?)', [table])) as { name: string }[];
		for (const { name } of indexes) {
			const [first] = (await knex.raw('SELECT name FROM pragma_index_info(?) WHERE seqno = 0', [name])) as {
				name: string | null;
			}[];
			if (first?.name) leading.get(table)?.add(first.name);
		}
		// An integer primary key is the rowid: no index lists it.
		const keys = (await knex.raw('SELECT name FROM pragma_table_info(?) WHERE pk = 1', [table])) as { name: string }[];
		if (keys.length === 1) leading.get(table)?.add(keys[0]!.name);
	}
	return leading;
}

/** The role indexes `map` needs and the database lacks (no index leads with the column). Tables that are not there are left to the map's check. */
export async function missingRoleIndexes(knex: Knex, map: DataMap): Promise<RoleIndex[]> {
	const wanted = roleIndexesOf(map, bundledIndexedRoles());
	const leading = await leadingColumns(knex, [...new Set(wanted.map(({ collection }) => collection))]);
	const missing: RoleIndex[] = [];
	for (const index of wanted)
		if (!leading.get(index.collection)?.has(index.column) && (await knex.schema.hasTable(index.collection)))
			missing.push(index);
	return missing;
}

/** Creates the role indexes `map` lacks; returns what it created. */
export async function addRoleIndexes(knex: Knex, map: DataMap): Promise<RoleIndex[]> {
	const missing = await missingRoleIndexes(knex, map);
	for (const { collection, column, name } of missing)
		await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??)', [name, collection, column]);
	return missing;
}
