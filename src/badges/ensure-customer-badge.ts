/**
 * Customer badges: each customer with a portal user gets a policy of its own that grants nothing, its
 * badge, held by the users of its contacts next to their group's policy and named by the customer
 * (`customers.portal_badge`). Rules then tell a contact's customer without reading the contact:
 * `customer.portal_badge IN $CURRENT_POLICIES` is a join to one customer row, and Directus knows the
 * user's policies before it runs a query, where `$CURRENT_USER.portal_contacts.customer` costs two reads,
 * three times a request (docs/performance.md). The badge also carries the customer's tree path
 * (`directus_policies.portal_tree_path`), which the customer_tree rule reads as
 * `$CURRENT_POLICIES.portal_tree_path`: one read of the user's few policies.
 *
 * Safe by construction: only the product attaches a badge (hooks refuse anyone else, see
 * customer-badges.ts among the hooks), only to the users of its own customer's contacts; a user without
 * one matches no customer rule; a stale tree path (its customer moved a moment ago) matches nothing,
 * since paths are made of ids and the moved customer's old path is nobody's any more.
 */
import { createManagedPolicy } from '../policies/create-managed-policy.ts';
import { type DirectusContext, systemService } from '../directus/directus-context.ts';
import { fieldOf } from '../compiler/mapped-fields.ts';
import { roleColumns } from '../data-map/role-columns.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import { badgeName } from './badge-name.ts';
import type { ItemKey } from '../data-map/item-key.ts';

/** A customer as the badge reads it, by role. */
interface CustomerBadgeRow {
	id: number;
	name: string;
	tree_path: string | null;
	badge: string | null;
}

/**
 * The customer's badge, created when it has none or its policy was deleted, with its name and tree path
 * brought up to date; null when there is no such customer. Two writers racing create two policies; the
 * customer keeps the one stored first and the other is deleted.
 */
export async function ensureCustomerBadge(context: DirectusContext, customerId: ItemKey): Promise<string | null> {
	const { customers } = await fetchDataMap(context);
	const [id, badge] = [fieldOf(customers, 'id'), fieldOf(customers, 'badge')];
	const customer = (await context
		.knex(customers.collection)
		.select(roleColumns(customers, ['id', 'name', 'tree_path', 'badge']))
		.where(id, customerId)
		.first()) as CustomerBadgeRow | undefined;
	if (!customer) return null;
	if (customer.badge) {
		const policy = (await context
			.knex('directus_policies')
			.select('id', 'name', 'portal_tree_path')
			.where('id', customer.badge)
			.first()) as { id: string; name: string; portal_tree_path: string | null } | undefined;
		if (policy) {
			if (policy.name !== badgeName(customer.name) || policy.portal_tree_path !== customer.tree_path) {
				await context
					.knex('directus_policies')
					.where('id', policy.id)
					.update({ name: badgeName(customer.name), portal_tree_path: customer.tree_path });
			}
			return policy.id;
		}
	}
	const created = await createManagedPolicy(context, {
		name: badgeName(customer.name),
		icon: 'badge',
		description:
			"Customer Portal gives this policy to the signed-in contacts of one customer, so the portal's rules know their customer. It grants nothing; do not attach it to anyone or add permissions to it.",
	});
	await context.knex('directus_policies').where('id', created).update({ portal_tree_path: customer.tree_path });
	const stored = await context
		.knex(customers.collection)
		.where(id, customerId)
		.where((query) => (customer.badge ? query.where(badge, customer.badge) : query.whereNull(badge)))
		.update({ [badge]: created });
	if (stored === 1) return created;
	await systemService(context, 'PoliciesService').deleteOne(created);
	const winner = (await context.knex(customers.collection).select({ badge }).where(id, customerId).first()) as
		{ badge: string | null } | undefined;
	return winner?.badge ?? null;
}
