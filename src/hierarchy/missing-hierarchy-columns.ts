import type { Knex } from 'knex';

/** The columns the triggers read and write. */
const required = {
	customers: ['id', 'parent', 'visible_to_parent'],
	customer_tree: ['customer', 'ancestor', 'depth'],
} as const;

/**
 * What the hierarchy needs but the database lacks, as "table" or "table.column": all of it before
 * the help-desk schema is applied, `customers.visible_to_parent` and `customer_tree` on an older one.
 */
export async function missingHierarchyColumns(knex: Knex): Promise<string[]> {
	const missing: string[] = [];
	for (const [table, columns] of Object.entries(required)) {
		if (!(await knex.schema.hasTable(table))) {
			missing.push(table);
			continue;
		}
		for (const column of columns) if (!(await knex.schema.hasColumn(table, column))) missing.push(`${table}.${column}`);
	}
	return missing;
}
