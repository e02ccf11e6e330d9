/**
 * What `customer_tree` must hold, computed in plain TypeScript: the oracle the tests compare the
 * database with. A customer sees its own row (depth 0) and climbs through `parent` for as long as the
 * customer it climbs from is visible to its parent; a parent that does not exist ends the climb, as
 * in the database (see `closureQuery`).
 */

/** The fields of a customer the hierarchy depends on. */
export interface CustomerTreeNode {
	id: number;
	parent: number | null;
	visible_to_parent: boolean;
}

/** One row of `customer_tree`: `ancestor` may see `customer`, `depth` levels above it. */
export interface CustomerTreeRow {
	customer: number;
	ancestor: number;
	depth: number;
}

/**
 * Every row `customer_tree` must hold for `customers`, ordered by customer, then depth. On a loop
 * (which the cycle guard keeps out) the climb stops after as many steps as there are customers,
 * like the database's rebuild, so the two still agree.
 */
export function expectedCustomerTree(customers: readonly CustomerTreeNode[]): CustomerTreeRow[] {
	const byId = new Map(customers.map((customer) => [customer.id, customer]));
	const rows: CustomerTreeRow[] = [];
	for (const customer of customers) {
		rows.push({ customer: customer.id, ancestor: customer.id, depth: 0 });
		let below = customer;
		for (let depth = 1; depth < customers.length && below.visible_to_parent && below.parent !== null; depth++) {
			const above = byId.get(below.parent);
			if (!above) break;
			rows.push({ customer: customer.id, ancestor: above.id, depth });
			below = above;
		}
	}
	return rows.sort((a, b) => a.customer - b.customer || a.depth - b.depth || a.ancestor - b.ancestor);
}

/** Every customer's `tree_path` (see `treePathSql`) for the rows of `expectedCustomerTree`, by customer id. */
export function expectedTreePaths(rows: readonly CustomerTreeRow[]): Map<number, string> {
	const above = new Map<number, CustomerTreeRow[]>();
	for (const row of rows) above.set(row.customer, [...(above.get(row.customer) ?? []), row]);
	return new Map(
		[...above].map(([customer, ancestors]) => [
			customer,
			`/${ancestors
				.sort((a, b) => b.depth - a.depth)
				.map((row) => row.ancestor)
				.join('/')}/`,
		]),
	);
}
