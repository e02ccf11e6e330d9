import type { DataMap } from '../data-map/data-map.ts';
import type { DerivedTable } from '../database/derived-table.ts';
import { CustomerTreeReadOnlyError } from '../errors/customer-tree-read-only-error.ts';
import { customerTreeIsExact } from './customer-tree-is-exact.ts';
import { customerTreeNames } from './customer-tree-names.ts';
import { customerTreeTriggers } from './customer-tree-triggers.ts';
import { rebuildCustomerTree } from './rebuild-customer-tree.ts';

/**
 * `customer_tree` and the customers' tree paths: which customers each customer is visible to (see
 * `customerTreeTriggers`), derived from the customers `map` names. The table is the product's and keeps its name.
 */
export function customerTreeDerivedTable(map: DataMap): DerivedTable {
	const { raw } = customerTreeNames(map);
	const read = [raw.id, raw.parent, raw.visibleToParent, raw.treePath].filter((column) => column !== null);
	return {
		table: 'customer_tree',
		triggers: customerTreeTriggers(map),
		columns: {
			[raw.customers]: read,
			customer_tree: ['customer', 'ancestor', 'depth'],
		},
		sources: [raw.customers],
		// "CPtree" in ASCII.
		advisoryLockKey: 0x435074726565,
		isExact: (knex) => customerTreeIsExact(knex, map),
		rebuild: (knex) => rebuildCustomerTree(knex, map),
		readOnlyError: () => new CustomerTreeReadOnlyError(),
	};
}
