import type { Knex } from 'knex';
import { fieldOf } from '../compiler/mapped-fields.ts';
import type { DataMap } from '../data-map/data-map.ts';
import { customerDependentsOf } from './customer-dependents-of.ts';
import type { CustomerDependentCounts } from './customer-dependents.ts';

/**
 * Counts the rows that point at any of `customerIds`, in the collections `map` names. Sub-customers that
 * are themselves among `customerIds` do not count: deleting a parent together with its children is fine.
 */
export async function fetchCustomerDependents(
	customerIds: (string | number)[],
	{ knex, map }: { knex: Knex; map: DataMap },
): Promise<CustomerDependentCounts> {
	const counts: CustomerDependentCounts = {};
	for (const { object, collection, field } of customerDependentsOf(map)) {
		const query = knex(collection).count({ count: '*' }).whereIn(field, customerIds);
		if (object === 'customers') query.whereNotIn(fieldOf(map.customers, 'id'), customerIds);
		const row = (await query.first()) as { count: number | string } | undefined;
		counts[object] = Number(row?.count ?? 0);
	}
	return counts;
}
