import { customerBadges } from '../badges/customer-badges.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import type { DirectusContext } from '../directus/directus-context.ts';

export interface PortalAccessRow {
	id: string;
	policy: string;
}

/** The user's access rows that the product gives: portal group policies and customer badges. */
export async function fetchPortalAccessRows(
	context: DirectusContext,
	userId: string,
	groupPolicies: string[],
): Promise<PortalAccessRow[]> {
	const { customers } = await fetchDataMap(context);
	return (await context
		.knex('directus_access')
		.select('id', 'policy')
		.where('user', userId)
		.where((query) =>
			query.whereIn('policy', groupPolicies).orWhereIn('policy', customerBadges(context.knex, customers)),
		)) as PortalAccessRow[];
}
