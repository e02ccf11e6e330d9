import type { Knex } from 'knex';
import { fieldOf } from '../compiler/mapped-fields.ts';
import { roleColumns } from '../data-map/role-columns.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import { type AccessRow, readAccessRows } from '../directus/access-rows.ts';
import type { ItemKey } from '../data-map/item-key.ts';

/**
 * Who holds which badge, and who should: the active portal users (holding a portal group's policy, see
 * `grantGroupToUser`) with their contact's customer, and every badge attachment. Read table by table and
 * joined in memory, so that no plan depends on PostgreSQL's statistics: as SQL anti-joins, right after a
 * bulk import of portal users (before the statistics caught up), the planner chose nested loops over both
 * sides; and Directus has no index on `directus_access.user`, so a per-row test scans the access table
 * (measured in docs/performance.md, "Why some checks read tables whole").
 */
export async function fetchBadgeHolders(knex: Knex, given?: readonly AccessRow[]) {
	const groupPolicies = new Set(
		((await knex('portal_groups').select('policy').whereNotNull('policy')) as { policy: string }[]).map(
			(row) => row.policy,
		),
	);
	const { customers, contacts: contactsMap } = await fetchDataMap({ knex });
	const badged = (await knex(customers.collection)
		.select(roleColumns(customers, ['id', 'badge']))
		.whereNotNull(fieldOf(customers, 'badge'))) as { id: ItemKey; badge: string }[];
	const customerOfBadge = new Map(badged.map((customer) => [customer.badge, customer.id]));
	const access = given ?? (await readAccessRows(knex));
	const active = new Set(
		access.flatMap((row) => (row.user !== null && groupPolicies.has(row.policy) ? [row.user] : [])),
	);
	const contacts = (await knex(contactsMap.collection)
		.select(roleColumns(contactsMap, ['user', 'customer']))
		.whereNotNull(fieldOf(contactsMap, 'user'))
		.whereNotNull(fieldOf(contactsMap, 'customer'))) as { user: string; customer: ItemKey }[];
	return {
		/** Customer by badge. */
		customerOfBadge,
		/** Badge by customer. */
		badgeOfCustomer: new Map(badged.map((customer) => [customer.id, customer.badge])),
		/** The customer each active portal user is entitled to the badge of. */
		entitled: new Map(
			contacts.filter((contact) => active.has(contact.user)).map((contact) => [contact.user, contact.customer]),
		),
		/** Every badge attachment (a role's has no user). */
		held: access.filter((row) => customerOfBadge.has(row.policy)),
	};
}

export type BadgeHolders = Awaited<ReturnType<typeof fetchBadgeHolders>>;
