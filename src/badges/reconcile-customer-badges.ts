import { type DirectusContext, systemService } from '../directus/directus-context.ts';
import { ensureCustomerBadge } from './ensure-customer-badge.ts';
import { fetchBadgeHolders } from './fetch-badge-holders.ts';
import { grantingBadges } from './granting-badges.ts';
import { refreshCustomerBadges } from './refresh-customer-badges.ts';
import { strayBadgeRows } from './stray-badge-rows.ts';

/**
 * Makes every badge what the contacts say, in bulk (start-up, and the doctor's repair): badges for
 * customers with active portal users, each such user holding their customer's badge, nothing else
 * holding a badge, and every badge granting nothing.
 */
export async function reconcileCustomerBadges(context: DirectusContext): Promise<void> {
	const { knex } = context;
	await refreshCustomerBadges(knex);
	const before = await fetchBadgeHolders(knex);
	const policies = new Set(((await knex('directus_policies').select('id')) as { id: string }[]).map((row) => row.id));
	const unbadged = new Set(
		[...before.entitled.values()].filter((customer) => !policies.has(before.badgeOfCustomer.get(customer) ?? '')),
	);
	for (const customer of unbadged) await ensureCustomerBadge(context, customer);

	const granting = await grantingBadges(knex);
	if (granting.length > 0) {
		const permissions = systemService(context, 'PermissionsService');
		const rows = (await knex('directus_permissions').select('id').whereIn('policy', granting)) as { id: number }[];
		if (rows.length > 0) await permissions.deleteMany(rows.map((row) => row.id));
		await systemService(context, 'PoliciesService').updateMany(granting, { admin_access: false, app_access: false });
	}

	const access = systemService(context, 'AccessService');
	const holders = await fetchBadgeHolders(knex);
	const { badgeOfCustomer, entitled, held } = holders;
	const stray = strayBadgeRows(holders);
	for (let from = 0; from < stray.length; from += 500) await access.deleteMany(stray.slice(from, from + 500));
	const holding = new Set(held.map((row) => `${row.user}:${row.policy}`));
	const missing = [...entitled].flatMap(([user, customer]) => {
		const policy = badgeOfCustomer.get(customer);
		return policy && !holding.has(`${user}:${policy}`) ? [{ user, policy }] : [];
	});
	for (let from = 0; from < missing.length; from += 500) await access.createMany(missing.slice(from, from + 500));
}
