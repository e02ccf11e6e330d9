import type { Knex } from 'knex';

/**
 * How many badges carry another tree path than their customer's: the customer moved by a write straight
 * to the database, which Directus's hooks never saw. Such a badge matches nothing (see the module note)
 * until `refreshCustomerBadges` runs: the doctor counts them, and its repair runs it.
 */
export async function staleBadgePaths(knex: Knex): Promise<number> {
	const row = (await knex('customers')
		.join('directus_policies', 'directus_policies.id', 'customers.portal_badge')
		.whereRaw('customers.tree_path IS DISTINCT FROM directus_policies.portal_tree_path')
		.count({ count: '*' })
		.first()) as { count: number | string } | undefined;
	return Number(row?.count ?? 0);
}
