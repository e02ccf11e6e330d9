import type { DataMap } from '../data-map/data-map.ts';
import { type CustomerDependent, customerDependents } from './customer-dependents.ts';

/** Where one kind of dependent lives in a data map: the collection, and the field naming the customer. */
export interface MappedCustomerDependent {
	object: CustomerDependent['object'];
	collection: string;
	field: string;
}

/**
 * The dependents of a customer in `map`: each mapped object whose role names the customer with a field of
 * its own. An object the map leaves out, a sub-customer `parent` left unmapped, or a customer reached
 * through a chain (`site.account`: the row names a site, which the database keeps from being orphaned)
 * names no customer directly and is not counted.
 */
export function customerDependentsOf(map: DataMap): MappedCustomerDependent[] {
	return customerDependents.flatMap(({ object, role }) => {
		const mapped = map[object];
		const field = mapped ? (mapped.fields as Record<string, string | null>)[role] : null;
		if (!mapped || !field || field.includes('.')) return [];
		return [{ object, collection: mapped.collection, field }];
	});
}
