import type { Knex } from 'knex';
import { closureQuery } from './closure-query.ts';
import { requireDatabaseDialect } from '../database/database-dialect.ts';
import { treePathSql } from './tree-path-sql.ts';

/**
 * Recomputes all of `customer_tree` from `customers`, and every customer's `tree_path` from it, in one transaction; returns how many rows it
 * holds now. For start-up repairs: the triggers keep it exact from then on.
 */
export async function rebuildCustomerTree(knex: Knex): Promise<number> {
	const dialect = requireDatabaseDialect(knex);
	return knex.transaction(async (trx) => {
		await trx.raw('DELETE FROM customer_tree');
		await trx.raw(`${closureQuery(dialect)}
INSERT INTO customer_tree (customer, ancestor, depth) SELECT customer, ancestor, depth FROM closure`);
		await trx.raw(`UPDATE customers SET tree_path = ${treePathSql(dialect, 'customers.id')}`);
		const row = (await trx('customer_tree').count({ count: '*' }).first()) as { count: number | string } | undefined;
		return Number(row?.count ?? 0);
	});
}
