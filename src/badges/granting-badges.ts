import type { Knex } from 'knex';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import { customerBadges } from './customer-badges.ts';

/** Badges that grant something: admin or studio access, or any permission row. Their ids. */
export async function grantingBadges(knex: Knex): Promise<string[]> {
	const { customers } = await fetchDataMap({ knex });
	const rows = (await knex('directus_policies')
		.select('id')
		.whereIn('id', customerBadges(knex, customers))
		.where((query) =>
			query
				.where('admin_access', true)
				.orWhere('app_access', true)
				.orWhereExists(
					knex('directus_permissions')
						.select(knex.raw('1'))
						.whereRaw('?? = ??', ['directus_permissions.policy', 'directus_policies.id']),
				),
		)) as { id: string }[];
	return rows.map((row) => row.id);
}
