import type { Knex } from 'knex';
import { type CustomerDependentCounts, customerDependents } from './customer-dependents.ts';

/**
 * Counts the rows that point at any of `customerIds`. Sub-customers that are themselves among
 * `customerIds` do not count: deleting a parent together with its children is fine.
 */
export async function fetchCustomerDependents(
	customerIds: (string | number)[],
	{ knex }: { knex: Knex },
): Promise<CustomerDependentCounts> {
	const counts: CustomerDependentCounts = {};
	for (const { collection, field } of customerDependents) {
		const query = knex(collection).count({ count: '*' }).whereIn(field, customerIds);
		if (collection === 'customers') query.whereNotIn('id', customerIds);
		const row = (await query.first()) as { count: number | string } | undefined;
		counts[collection] = Number(row?.count ?? 0);
	}
	return counts;
}
