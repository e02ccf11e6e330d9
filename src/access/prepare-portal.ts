import { normalizeGroupPermissions } from '../groups/normalize-group-permissions.ts';
import { defaultGroupName, systemGroups } from '../groups/system-groups.ts';
import { releaseUnlinkedPortalUsers } from './release-unlinked-portal-users.ts';
import { reconcileCustomerBadges } from '../badges/reconcile-customer-badges.ts';
import { adminService, type DirectusContext, inTransaction, systemService } from '../directus/directus-context.ts';
import { fetchPortalSettings } from '../settings/fetch-portal-settings.ts';
import type { PortalGroupRecord, PortalSettingsRecord } from './portal-records.ts';
import { writePublicPolicy } from '../policies/public-policy.ts';
import { writeStaffPolicy } from '../policies/staff-policy.ts';
import { syncGroupPolicy } from '../policies/sync-group-policy.ts';
import { compileOptionsOf } from '../settings/compile-options-of.ts';
import { dataMapOf } from '../settings/data-map-of.ts';

export const portalRoleName = 'Portal contacts';

/**
 * Brings an installation to the state the product needs, idempotently: the portal role, the system
 * groups as the code defines them, the Portal staff and Portal public policies, the settings row with a default group, and
 * every group's policy compiled, no portal-role user left without a contact, and every active portal user
 * holding their customer's badge and no other. Runs at start-up, so upgrading the product recompiles
 * what changed (and gives the badges out, in bulk, the first time).
 */
export async function preparePortal(context: DirectusContext): Promise<PortalSettingsRecord> {
	await inTransaction(context, async (trx) => {
		const groups = adminService(trx, 'portal_groups');
		const existing = (await groups.readByQuery({
			filter: { is_system: { _eq: true } },
			fields: ['id', 'name', 'permissions'],
			limit: -1,
		})) as PortalGroupRecord[];
		for (const system of systemGroups) {
			const permissions = normalizeGroupPermissions(system.permissions);
			const found = existing.find((group) => group.name === system.name);
			const fields = {
				description: system.description,
				assignable_by_client: system.assignable_by_client,
				permissions,
			};
			if (!found) await groups.createOne({ name: system.name, is_system: true, ...fields }, { emitEvents: false });
			else if (JSON.stringify(found.permissions) !== JSON.stringify(permissions))
				await groups.updateOne(found.id, fields, { emitEvents: false });
		}

		const settings = await fetchPortalSettings(trx);
		const changes: Partial<PortalSettingsRecord> = {};
		if (settings.portal_role === null || !(await roleExists(trx, settings.portal_role))) {
			const roles = systemService(trx, 'RolesService');
			changes.portal_role = String(
				await roles.createOne({
					name: portalRoleName,
					icon: 'support_agent',
					description:
						"Client contacts who sign in to the customer portal. Managed by Customer Portal: what they may do comes from their portal group's policy.",
				}),
			);
		}
		const map = dataMapOf(settings);
		const staffPolicy = await writeStaffPolicy(
			trx,
			settings.staff_policy !== null && (await policyExists(trx, settings.staff_policy)) ? settings.staff_policy : null,
			map,
		);
		if (staffPolicy !== settings.staff_policy) changes.staff_policy = staffPolicy;
		const publicPolicy = await writePublicPolicy(
			trx,
			settings.public_policy !== null && (await policyExists(trx, settings.public_policy))
				? settings.public_policy
				: null,
			settings.access_mode,
			map,
		);
		if (publicPolicy !== settings.public_policy) changes.public_policy = publicPolicy;
		if (settings.default_group === null) {
			const basic = (await groups.readByQuery({
				filter: { name: { _eq: defaultGroupName }, is_system: { _eq: true } },
				fields: ['id'],
				limit: 1,
			})) as { id: number }[];
			if (basic[0]) changes.default_group = basic[0].id;
		}
		if (Object.keys(changes).length > 0)
			await adminService(trx, 'portal_settings').upsertSingleton(changes, { emitEvents: false });
	});

	const settings = await fetchPortalSettings(context);
	const groups = (await adminService(context, 'portal_groups').readByQuery({ fields: ['id'], limit: -1 })) as {
		id: number;
	}[];
	for (const group of groups) await syncGroupPolicy(context, group.id, compileOptionsOf(settings));
	if (settings.portal_role) await releaseUnlinkedPortalUsers(context, settings.portal_role);
	await reconcileCustomerBadges(context);
	return settings;
}

async function policyExists(context: DirectusContext, policy: string): Promise<boolean> {
	const policies = systemService(context, 'PoliciesService');
	return (await policies.readByQuery({ filter: { id: { _eq: policy } }, fields: ['id'], limit: 1 })).length > 0;
}

async function roleExists(context: DirectusContext, role: string): Promise<boolean> {
	const roles = systemService(context, 'RolesService');
	return (await roles.readByQuery({ filter: { id: { _eq: role } }, fields: ['id'], limit: 1 })).length > 0;
}
