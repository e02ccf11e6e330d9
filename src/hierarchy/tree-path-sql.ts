import type { DatabaseDialect } from '../database/database-dialect.ts';
import type { CustomerTreeNames } from './customer-tree-names.ts';

/**
 * A customer's tree path: the ids of the customers it is visible to, top first, itself last, each
 * followed by a slash ('/1/5/17/'), made from its rows in `customer_tree`. A customer's subtree, as far as
 * it is visible to it, is every customer whose path starts with its own; so a portal rule can test
 * `customer.tree_path` with one join through a many-to-one, where testing `customer_tree` needs a
 * one-to-many that makes Directus group every query.
 * SQLite orders an aggregate since 3.44, the version the sqlite3 package Directus uses is built with.
 */
function pathOfRows(dialect: DatabaseDialect): string {
	const ancestors =
		dialect === 'pg'
			? "string_agg(path_rows.ancestor::text, '/' ORDER BY path_rows.depth DESC)"
			: "group_concat(path_rows.ancestor, '/' ORDER BY path_rows.depth DESC)";
	return `'/' || ${ancestors} || '/'`;
}

/** SQL for the tree path of the customer whose id is the SQL expression `customerId`; null when it has no rows. */
export function treePathSql(dialect: DatabaseDialect, customerId: string): string {
	return `(SELECT ${pathOfRows(dialect)} FROM customer_tree path_rows WHERE path_rows.customer = ${customerId})`;
}

/** SQL for every customer's tree path, `(customer, tree_path)`, from `table` (the `closure` of `closureQuery`, to check). */
export function treePathsSql(dialect: DatabaseDialect, table: string): string {
	return `SELECT path_rows.customer, ${pathOfRows(dialect)} AS tree_path FROM ${table} path_rows GROUP BY path_rows.customer`;
}

/** Sets the tree path of every customer in the subtree of `row` (an alias, `NEW`), from `customer_tree`. */
export function refreshTreePathsSql(dialect: DatabaseDialect, row: string, names: CustomerTreeNames): string {
	const { customers, id, treePath } = names;
	return `UPDATE ${customers} SET ${treePath} = ${treePathSql(dialect, `${customers}.${id}`)}
		WHERE ${id} IN (SELECT customer FROM customer_tree WHERE ancestor = ${row}.${id})`;
}
