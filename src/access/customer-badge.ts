/**
 * Customer badges: each customer with a portal user gets a policy of its own that grants nothing, its
 * badge, held by the users of its contacts next to their group's policy and named by the customer
 * (`customers.portal_badge`). Rules then tell a contact's customer without reading the contact:
 * `customer.portal_badge IN $CURRENT_POLICIES` is a join to one customer row, and Directus knows the
 * user's policies before it runs a query, where `$CURRENT_USER.portal_contacts.customer` costs two reads,
 * three times a request (README → Performance). The badge also carries the customer's tree path
 * (`directus_policies.portal_tree_path`), which the customer_tree rule reads as
 * `$CURRENT_POLICIES.portal_tree_path`: one read of the user's few policies.
 *
 * Safe by construction: only the product attaches a badge (hooks refuse anyone else, see
 * customer-badges.ts among the hooks), only to the users of its own customer's contacts; a user without
 * one matches no customer rule; a stale tree path (its customer moved a moment ago) matches nothing,
 * since paths are made of ids and the moved customer's old path is nobody's any more.
 */
import type { Knex } from 'knex';
import { readAccessRows, type AccessRow } from './access-rows.ts';
import type { RequiredColumns } from '../database/missing-columns.ts';
import { createManagedPolicy } from './create-managed-policy.ts';
import { systemService, type DirectusContext } from './directus-context.ts';

/** The columns badges live in: the rules read them, so the doctor keeps the portal closed without them. */
export const customerBadgeColumns: RequiredColumns = { customers: ['portal_badge'], directus_policies: ['portal_tree_path'] };

/** A policy's name holds 100 characters, a customer's 255: cut, counting characters as the databases do. */
const badgeName = (customerName: string) => Array.from(`Portal badge: ${customerName}`).slice(0, 100).join('');
const badgeNameSql = "SUBSTR('Portal badge: ' || customers.name, 1, 100)";

/** Every customer's badge, as a subquery: the policies that are badges. */
export const customerBadges = (knex: Knex) => knex('customers').select('portal_badge').whereNotNull('portal_badge');

const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** Of `policies`, those that are customer badges (whatever else a request names is none: PostgreSQL would refuse to compare it). */
export async function filterCustomerBadges(knex: Knex, policies: string[]): Promise<Set<string>> {
	const candidates = policies.filter(isUuid);
	if (candidates.length === 0) return new Set();
	const rows = (await knex('customers').select('portal_badge').whereIn('portal_badge', candidates)) as { portal_badge: string }[];
	return new Set(rows.map((row) => row.portal_badge));
}

interface CustomerBadgeRow {
	id: number;
	name: string;
	tree_path: string | null;
	portal_badge: string | null;
}

/**
 * The customer's badge, created when it has none or its policy was deleted, with its name and tree path
 * brought up to date; null when there is no such customer. Two writers racing create two policies; the
 * customer keeps the one stored first and the other is deleted.
 */
export async function ensureCustomerBadge(context: DirectusContext, customerId: number): Promise<string | null> {
	const customer = (await context.knex('customers').select('id', 'name', 'tree_path', 'portal_badge').where('id', customerId).first()) as CustomerBadgeRow | undefined;
	if (!customer) return null;
	if (customer.portal_badge) {
		const policy = (await context.knex('directus_policies').select('id', 'name', 'portal_tree_path').where('id', customer.portal_badge).first()) as
			| { id: string; name: string; portal_tree_path: string | null }
			| undefined;
		if (policy) {
			if (policy.name !== badgeName(customer.name) || policy.portal_tree_path !== customer.tree_path) {
				await context.knex('directus_policies').where('id', policy.id).update({ name: badgeName(customer.name), portal_tree_path: customer.tree_path });
			}
			return policy.id;
		}
	}
	const created = await createManagedPolicy(context, {
		name: badgeName(customer.name),
		icon: 'badge',
		description: "Customer Portal gives this policy to the signed-in contacts of one customer, so the portal's rules know their customer. It grants nothing; do not attach it to anyone or add permissions to it.",
	});
	await context.knex('directus_policies').where('id', created).update({ portal_tree_path: customer.tree_path });
	const stored = await context
		.knex('customers')
		.where('id', customerId)
		.where((query) => (customer.portal_badge ? query.where('portal_badge', customer.portal_badge) : query.whereNull('portal_badge')))
		.update({ portal_badge: created });
	if (stored === 1) return created;
	await systemService(context, 'PoliciesService').deleteOne(created);
	const winner = (await context.knex('customers').select('portal_badge').where('id', customerId).first()) as { portal_badge: string | null } | undefined;
	return winner?.portal_badge ?? null;
}

/**
 * Brings every badge's tree path and name in line with its customer, in one statement: after a customer
 * moves, the paths of its whole subtree changed. Run after the move commits, and at start-up.
 */
export async function refreshCustomerBadges(knex: Knex): Promise<void> {
	const ofCustomer = (expression: string) => `(SELECT ${expression} FROM customers WHERE customers.portal_badge = directus_policies.id)`;
	await knex.raw(
		`UPDATE directus_policies SET portal_tree_path = ${ofCustomer('customers.tree_path')}, name = ${ofCustomer(badgeNameSql)}
		 WHERE EXISTS (SELECT 1 FROM customers WHERE customers.portal_badge = directus_policies.id
		   AND (customers.tree_path IS DISTINCT FROM directus_policies.portal_tree_path OR ${badgeNameSql} <> directus_policies.name))`,
	);
}

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

/**
 * Who holds which badge, and who should: the active portal users (holding a portal group's policy, see
 * `grantGroupToUser`) with their contact's customer, and every badge attachment. Read table by table and
 * joined in memory, so that no plan depends on PostgreSQL's statistics: as SQL anti-joins, right after a
 * bulk import of portal users (before the statistics caught up), the planner chose nested loops over both
 * sides, 3.7 s for 10,000 portal users where fresh statistics gave 2 ms; and Directus has no index on
 * `directus_access.user`, so a per-row test scans the access table (813 ms for 5,000 portal users).
 */
async function readBadgeHolders(knex: Knex, given?: readonly AccessRow[]) {
	const groupPolicies = new Set(((await knex('portal_groups').select('policy').whereNotNull('policy')) as { policy: string }[]).map((row) => row.policy));
	const badged = (await knex('customers').select('id', 'portal_badge').whereNotNull('portal_badge')) as { id: number; portal_badge: string }[];
	const customerOfBadge = new Map(badged.map((customer) => [customer.portal_badge, customer.id]));
	const access = given ?? (await readAccessRows(knex));
	const active = new Set(access.flatMap((row) => (row.user !== null && groupPolicies.has(row.policy) ? [row.user] : [])));
	const contacts = (await knex('contacts').select('user', 'customer').whereNotNull('user').whereNotNull('customer')) as { user: string; customer: number }[];
	return {
		/** Customer by badge. */
		customerOfBadge,
		/** Badge by customer. */
		badgeOfCustomer: new Map(badged.map((customer) => [customer.id, customer.portal_badge])),
		/** The customer each active portal user is entitled to the badge of. */
		entitled: new Map(contacts.filter((contact) => active.has(contact.user)).map((contact) => [contact.user, contact.customer])),
		/** Every badge attachment (a role's has no user). */
		held: access.filter((row) => customerOfBadge.has(row.policy)),
	};
}

/**
 * Badge attachments that should not exist: to a role, to anyone but an active portal user whose contact
 * belongs to the badge's customer. Their ids. `access`: every attachment, when the caller has read them already.
 */
export async function strayBadgeAccess(knex: Knex, access?: readonly AccessRow[]): Promise<string[]> {
	return strayIn(await readBadgeHolders(knex, access));
}

function strayIn({ customerOfBadge, entitled, held }: Awaited<ReturnType<typeof readBadgeHolders>>): string[] {
	return held.filter((row) => row.user === null || entitled.get(row.user) !== customerOfBadge.get(row.policy)).map((row) => row.id);
}

/** Badges that grant something: admin or studio access, or any permission row. Their ids. */
export async function grantingBadges(knex: Knex): Promise<string[]> {
	const rows = (await knex('directus_policies')
		.select('id')
		.whereIn('id', customerBadges(knex))
		.where((query) =>
			query
				.where('admin_access', true)
				.orWhere('app_access', true)
				.orWhereExists(knex('directus_permissions').select(knex.raw('1')).whereRaw('?? = ??', ['directus_permissions.policy', 'directus_policies.id'])),
		)) as { id: string }[];
	return rows.map((row) => row.id);
}

/**
 * Makes every badge what the contacts say, in bulk (start-up, and the doctor's repair): badges for
 * customers with active portal users, each such user holding their customer's badge, nothing else
 * holding a badge, and every badge granting nothing.
 */
export async function reconcileCustomerBadges(context: DirectusContext): Promise<void> {
	const { knex } = context;
	await refreshCustomerBadges(knex);
	const before = await readBadgeHolders(knex);
	const policies = new Set(((await knex('directus_policies').select('id')) as { id: string }[]).map((row) => row.id));
	const unbadged = new Set([...before.entitled.values()].filter((customer) => !policies.has(before.badgeOfCustomer.get(customer) ?? '')));
	for (const customer of unbadged) await ensureCustomerBadge(context, customer);

	const granting = await grantingBadges(knex);
	if (granting.length > 0) {
		const permissions = systemService(context, 'PermissionsService');
		const rows = (await knex('directus_permissions').select('id').whereIn('policy', granting)) as { id: number }[];
		if (rows.length > 0) await permissions.deleteMany(rows.map((row) => row.id));
		await systemService(context, 'PoliciesService').updateMany(granting, { admin_access: false, app_access: false });
	}

	const access = systemService(context, 'AccessService');
	const holders = await readBadgeHolders(knex);
	const { badgeOfCustomer, entitled, held } = holders;
	const stray = strayIn(holders);
	for (let from = 0; from < stray.length; from += 500) await access.deleteMany(stray.slice(from, from + 500));
	const holding = new Set(held.map((row) => `${row.user}:${row.policy}`));
	const missing = [...entitled].flatMap(([user, customer]) => {
		const policy = badgeOfCustomer.get(customer);
		return policy && !holding.has(`${user}:${policy}`) ? [{ user, policy }] : [];
	});
	for (let from = 0; from < missing.length; from += 500) await access.createMany(missing.slice(from, from + 500));
}
