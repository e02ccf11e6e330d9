import type { ItemKey } from '../../../../src/data-map/item-key.ts';

/** The customer tree as the customer page shows it: rows in tree order with their depth, filtered by a search. */
export interface CustomerRow {
	id: ItemKey;
	name: string;
	parent: ItemKey | null;
}

export interface CustomerTreeRow<C extends CustomerRow = CustomerRow> {
	customer: C;
	depth: number;
	hasChildren: boolean;
}

/**
 * Rows in tree order (children sorted by name). With a search, a customer shows when its name matches or
 * one below it does, and every branch on the way is open; without one, only children of expanded
 * customers show. A customer whose parent is missing is shown at the top.
 */
export function customerTreeRows<C extends CustomerRow>(
	customers: readonly C[],
	expanded: ReadonlySet<ItemKey>,
	search = '',
): CustomerTreeRow<C>[] {
	const ids = new Set(customers.map((customer) => customer.id));
	const children = new Map<ItemKey | null, C[]>();
	for (const customer of customers) {
		const parent = customer.parent !== null && ids.has(customer.parent) ? customer.parent : null;
		children.set(parent, [...(children.get(parent) ?? []), customer]);
	}
	for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name));

	const needle = search.trim().toLowerCase();
	const matches = new Map<ItemKey, boolean>();
	const subtreeMatches = (customer: C, seen: Set<ItemKey>): boolean => {
		const known = matches.get(customer.id);
		if (known !== undefined) return known;
		if (seen.has(customer.id)) return false;
		seen.add(customer.id);
		const own = customer.name.toLowerCase().includes(needle);
		const below = (children.get(customer.id) ?? []).map((child) => subtreeMatches(child, seen)).some(Boolean);
		matches.set(customer.id, own || below);
		return own || below;
	};

	const rows: CustomerTreeRow<C>[] = [];
	const visit = (customer: C, depth: number, seen: Set<ItemKey>) => {
		if (seen.has(customer.id)) return;
		seen.add(customer.id);
		if (needle && !subtreeMatches(customer, new Set())) return;
		const below = children.get(customer.id) ?? [];
		rows.push({ customer, depth, hasChildren: below.length > 0 });
		if (needle || expanded.has(customer.id)) for (const child of below) visit(child, depth + 1, seen);
	};
	const seen = new Set<ItemKey>();
	for (const root of children.get(null) ?? []) visit(root, 0, seen);
	return rows;
}
