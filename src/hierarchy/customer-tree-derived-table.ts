import type { DerivedTable } from '../database/derived-table.ts';
import { CustomerTreeReadOnlyError } from '../errors/customer-tree-read-only-error.ts';
import { customerTreeIsExact } from './customer-tree-is-exact.ts';
import { customerTreeTriggers } from './customer-tree-triggers.ts';
import { rebuildCustomerTree } from './rebuild-customer-tree.ts';

/** `customer_tree` and `customers.tree_path`: which customers each customer is visible to (see `customerTreeTriggers`). */
export const customerTreeDerivedTable: DerivedTable = {
	table: 'customer_tree',
	triggers: customerTreeTriggers,
	columns: {
		customers: ['id', 'parent', 'visible_to_parent', 'tree_path'],
		customer_tree: ['customer', 'ancestor', 'depth'],
	},
	sources: ['customers'],
	// "CPtree" in ASCII.
	advisoryLockKey: 0x435074726565,
	isExact: customerTreeIsExact,
	rebuild: rebuildCustomerTree,
	readOnlyError: () => new CustomerTreeReadOnlyError(),
};
