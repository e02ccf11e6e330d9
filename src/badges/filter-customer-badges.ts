import type { Knex } from 'knex';

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** Of `policies`, those that are customer badges (whatever else a request names is none: PostgreSQL would refuse to compare it). */
export async function filterCustomerBadges(knex: Knex, policies: string[]): Promise<Set<string>> {
	const candidates = policies.filter(isUuid);
	if (candidates.length === 0) return new Set();
	const rows = (await knex('customers').select('portal_badge').whereIn('portal_badge', candidates)) as {
		portal_badge: string;
	}[];
	return new Set(rows.map((row) => row.portal_badge));
}
