import type { Knex } from 'knex';
import { closureQuery } from './closure-query.ts';
import { requireDatabaseDialect } from '../database/database-dialect.ts';
import { treePathSql } from './tree-path-sql.ts';
import type { DataMap } from '../data-map/data-map.ts';
import { customerTreeNames } from './customer-tree-names.ts';

/**
 * Recomputes all of `customer_tree` from the customers `map` names, and every customer's tree path from it, in one transaction; returns how many rows it
 * holds now. For start-up repairs: the triggers keep it exact from then on.
 */
export async function rebuildCustomerTree(knex: Knex, map: DataMap): Promise<number> {
	const dialect = requireDatabaseDialect(knex);
	const names = customerTreeNames(map);
	const { customers, id, treePath } = names;
	return knex.transaction(async (trx) => {
		await trx.raw('DELETE FROM customer_tree');
		await trx.raw(`${closureQuery(dialect, names)}
INSERT INTO customer_tree (customer, ancestor, depth) SELECT customer, ancestor, depth FROM closure`);
		await trx.raw(`UPDATE ${customers} SET ${treePath} = ${treePathSql(dialect, `${customers}.${id}`)}`);
		const row = (await trx('customer_tree').count({ count: '*' }).first()) as { count: number | string } | undefined;
		return Number(row?.count ?? 0);
	});
}
