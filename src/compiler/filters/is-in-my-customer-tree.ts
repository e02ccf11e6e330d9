import type { DataMap } from '../../data-map/data-map.ts';
import { fieldOf } from '../mapped-fields.ts';
import type { Filter } from '../types.ts';
import { myCustomerTreePath } from '../variables.ts';

/**
 * On `customers`: their customer or one below it that is visible to it: the customers whose
 * `tree_path` starts with that of the contact's customer (see `treePathSql`), as its badge carries it.
 * A many-to-one test, so Directus joins one customer row per ticket instead of grouping by
 * `customer_tree`. It never widens: Directus resolves the paths of the user's policies to a list without
 * empty entries and pastes it into `LIKE '<value>%'`: no badge gives null, 'null%', and two badges (which
 * the product never gives) 'a,b%'; no path (they start with '/') matches either.
 */
export const isInMyCustomerTree = (map: DataMap): Filter => ({
	[fieldOf(map.customers, 'tree_path')]: { _starts_with: myCustomerTreePath },
});
