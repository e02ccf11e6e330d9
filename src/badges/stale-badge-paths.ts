import type { Knex } from 'knex';
import { fieldOf } from '../compiler/mapped-fields.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';

/**
 * How many badges carry another tree path than their customer's: the customer moved by a write straight
 * to the database, which Directus's hooks never saw. Such a badge matches nothing (see the module note)
 * until `refreshCustomerBadges` runs: the doctor counts them, and its repair runs it.
 */
export async function staleBadgePaths(knex: Knex): Promise<number> {
	const { customers } = await fetchDataMap({ knex });
	const column = (role: 'badge' | 'tree_path') => `${customers.collection}.${fieldOf(customers, role)}`;
	const row = (await knex(customers.collection)
		.join('directus_policies', 'directus_policies.id', column('badge'))
		.whereRaw('?? IS DISTINCT FROM directus_policies.portal_tree_path', [column('tree_path')])
		.count({ count: '*' })
		.first()) as { count: number | string } | undefined;
	return Number(row?.count ?? 0);
}
