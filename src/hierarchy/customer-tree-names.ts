import type { DataMap } from '../data-map/data-map.ts';
import { sqlName } from '../database/sql-name.ts';
import { fieldOf } from '../compiler/mapped-fields.ts';

/** The names the customer tree's SQL reads, from the data map. */
export interface CustomerTreeNames {
	/** The customers' table and the columns the tree reads and writes, as the database names them. */
	readonly raw: {
		readonly customers: string;
		readonly id: string;
		readonly parent: string | null;
		readonly visibleToParent: string | null;
		readonly treePath: string;
	};
	/** The same, as SQL writes them (`sqlName`). */
	readonly customers: string;
	readonly id: string;
	/** Null when the map has no hierarchy: every customer is at the top, its tree row its own. */
	readonly parent: string | null;
	/** Null when the map leaves it unmapped: every customer is visible to its parent. */
	readonly visibleToParent: string | null;
	readonly treePath: string;
}

/**
 * Where `map` keeps the customers the tree is derived from. `visible_to_parent` counts only with a `parent`:
 * without a hierarchy there is nobody to be visible to.
 */
export function customerTreeNames(map: DataMap): CustomerTreeNames {
	const { customers } = map;
	const parent = customers.fields.parent;
	const visibleToParent = parent === null ? null : customers.fields.visible_to_parent;
	const raw = {
		customers: customers.collection,
		id: fieldOf(customers, 'id'),
		parent,
		visibleToParent,
		treePath: fieldOf(customers, 'tree_path'),
	};
	return {
		raw,
		customers: sqlName(raw.customers),
		id: sqlName(raw.id),
		parent: parent === null ? null : sqlName(parent),
		visibleToParent: visibleToParent === null ? null : sqlName(visibleToParent),
		treePath: sqlName(raw.treePath),
	};
}
