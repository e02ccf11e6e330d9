import type { Knex } from 'knex';

/** The columns the triggers read and write. */
const required = {
	customers: ['id', 'parent', 'visible_to_parent', 'tree_path'],
	customer_tree: ['customer', 'ancestor', 'depth'],
} as const;

/**
 * What the hierarchy needs but the database lacks, as "table" or "table.column": all of it before
 * the help-desk schema is applied, `customers.visible_to_parent`, `customers.tree_path` and `customer_tree` on an older one.
 */
export async function missingHierarchyColumns(knex: Knex): Promise<string[]> {
	const missing: string[] = [];
	for (const [table, columns] of Object.entries(required)) {
		// One query a table: the portal doctor asks on every run.
		const present = await knex(table).columnInfo();
		if (Object.keys(present).length === 0) missing.push(table);
		else missing.push(...columns.filter((column) => !(column in present)).map((column) => `${table}.${column}`));
	}
	return missing;
}
