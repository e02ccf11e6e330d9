import type { Knex } from 'knex';
import { fieldOf } from '../compiler/mapped-fields.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** Of `policies`, those that are customer badges (whatever else a request names is none: PostgreSQL would refuse to compare it). */
export async function filterCustomerBadges(knex: Knex, policies: string[]): Promise<Set<string>> {
	const candidates = policies.filter(isUuid);
	if (candidates.length === 0) return new Set();
	const { customers } = await fetchDataMap({ knex });
	const badge = fieldOf(customers, 'badge');
	const rows = (await knex(customers.collection).select({ badge }).whereIn(badge, candidates)) as { badge: string }[];
	return new Set(rows.map((row) => row.badge));
}
