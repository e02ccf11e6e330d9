import type { Knex } from 'knex';
import { closureQuery } from './closure-query.ts';
import { requireDatabaseDialect } from '../database/database-dialect.ts';

/**
 * Whether `customer_tree` holds exactly the rows `customers` calls for, compared row by row in the
 * database: as many rows as expected and none of the expected missing (so no strays or duplicates).
 */
export async function customerTreeIsExact(knex: Knex): Promise<boolean> {
	const dialect = requireDatabaseDialect(knex);
	const result = (await knex.raw(`${closureQuery(dialect)}
SELECT
	(SELECT COUNT(*) FROM closure) AS expected,
	(SELECT COUNT(*) FROM customer_tree) AS actual,
	(SELECT COUNT(*) FROM (SELECT customer, ancestor, depth FROM closure EXCEPT SELECT customer, ancestor, depth FROM customer_tree) missing) AS missing`)) as
		| { expected: number | string; actual: number | string; missing: number | string }[]
		| { rows: { expected: number | string; actual: number | string; missing: number | string }[] };
	const counts = Array.isArray(result) ? result[0] : result.rows[0];
	return counts !== undefined && Number(counts.expected) === Number(counts.actual) && Number(counts.missing) === 0;
}
