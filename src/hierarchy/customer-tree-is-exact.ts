import type { Knex } from 'knex';
import { closureQuery } from './closure-query.ts';
import { requireDatabaseDialect } from '../database/database-dialect.ts';
import { treePathsSql } from './tree-path-sql.ts';
import type { DataMap } from '../data-map/data-map.ts';
import { customerTreeNames } from './customer-tree-names.ts';

/**
 * Whether `customer_tree` holds exactly the rows the customers `map` names call for, compared row by row in the
 * database: as many rows as expected and none of the expected missing (so no strays or duplicates);
 * and whether every customer's `tree_path` is the one those rows make.
 */
type Count = number | string;
type Counts = { expected: Count; actual: Count; missing: Count; wrong_paths: Count };

export async function customerTreeIsExact(knex: Knex, map: DataMap): Promise<boolean> {
	const dialect = requireDatabaseDialect(knex);
	const names = customerTreeNames(map);
	const { customers, id, treePath } = names;
	const result = (await knex.raw(`${closureQuery(dialect, names)}
SELECT
	(SELECT COUNT(*) FROM closure) AS expected,
	(SELECT COUNT(*) FROM customer_tree) AS actual,
	(SELECT COUNT(*) FROM (SELECT customer, ancestor, depth FROM closure EXCEPT SELECT customer, ancestor, depth FROM customer_tree) missing) AS missing,
	(SELECT COUNT(*) FROM ${customers} LEFT JOIN (${treePathsSql(dialect, 'closure')}) expected_paths ON expected_paths.customer = ${customers}.${id}
		WHERE ${customers}.${treePath} ${dialect === 'pg' ? 'IS DISTINCT FROM' : 'IS NOT'} expected_paths.tree_path) AS wrong_paths`)) as
		Counts[] | { rows: Counts[] };
	const counts = Array.isArray(result) ? result[0] : result.rows[0];
	return (
		counts !== undefined &&
		Number(counts.expected) === Number(counts.actual) &&
		Number(counts.missing) === 0 &&
		Number(counts.wrong_paths) === 0
	);
}
