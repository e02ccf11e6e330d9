import type { Knex } from 'knex';

/** Columns by table. */
export type RequiredColumns = Readonly<Record<string, readonly string[]>>;

/** Every column any of `lists` names, by table. */
export function mergeColumns(...lists: RequiredColumns[]): RequiredColumns {
	const all: Record<string, string[]> = {};
	for (const list of lists)
		for (const [table, names] of Object.entries(list)) all[table] = [...new Set([...(all[table] ?? []), ...names])];
	return all;
}

/** What `required` names but the database lacks, as "table" or "table.column". */
export async function missingColumns(knex: Knex, required: RequiredColumns): Promise<string[]> {
	const missing: string[] = [];
	for (const [table, columns] of Object.entries(required)) {
		// One query a table: the portal doctor asks on every run.
		const present = await knex(table).columnInfo();
		if (Object.keys(present).length === 0) missing.push(table);
		else missing.push(...columns.filter((column) => !(column in present)).map((column) => `${table}.${column}`));
	}
	return missing;
}
