import { ensureCustomerBadge } from '../badges/ensure-customer-badge.ts';
import { adminService, type DirectusContext, systemService } from '../directus/directus-context.ts';
import { assertGroupPermissions } from '../groups/assert-group-permissions.ts';
import { grantsPortalAccess } from '../groups/normalize-group-permissions.ts';
import { assertNotStaffUser } from './assert-not-staff-user.ts';
import { fetchGroupPolicies } from './fetch-group-policies.ts';
import { fetchPortalAccessRows } from './fetch-portal-access-rows.ts';
import { linkedUserState } from './linked-user-state.ts';
import type { PortalGroupRecord } from './portal-records.ts';
import type { ItemKey } from '../data-map/item-key.ts';

/** `grantGroupToUser` under a lock already held. Returns whether anything changed. */
export async function applyGroupLocked(
	context: DirectusContext,
	userId: string,
	groupId: number,
	customerId: ItemKey | null,
	portalRole: string,
	loginSuspended: boolean,
): Promise<boolean> {
	const group = (await adminService(context, 'portal_groups').readOne(groupId, {
		fields: ['id', 'name', 'is_system', 'permissions', 'policy'],
	})) as PortalGroupRecord;
	const grants = grantsPortalAccess(assertGroupPermissions(group.permissions ?? {}));
	const groupPolicies = await fetchGroupPolicies(context);
	// Whatever linked it, a staff user is never turned into a portal user (nor demoted by a link).
	const user = await assertNotStaffUser(context, userId, portalRole, new Set(groupPolicies));

	const { status, holdsPolicies } = linkedUserState(user.status, grants && !loginSuspended);
	const badge = holdsPolicies && customerId !== null ? await ensureCustomerBadge(context, customerId) : null;
	const wanted = new Set(
		[holdsPolicies ? group.policy : null, badge].filter((policy): policy is string => policy !== null),
	);
	const current = await fetchPortalAccessRows(context, userId, groupPolicies);
	const access = systemService(context, 'AccessService');
	const stale = current.filter((row) => !wanted.has(row.policy)).map((row) => row.id);
	if (stale.length > 0) await access.deleteMany(stale);
	const missing = [...wanted].filter((policy) => !current.some((row) => row.policy === policy));
	if (missing.length > 0) await access.createMany(missing.map((policy) => ({ user: userId, policy })));

	const changeUser = user.role !== portalRole || user.status !== status;
	if (changeUser) await systemService(context, 'UsersService').updateOne(userId, { role: portalRole, status });
	return stale.length > 0 || missing.length > 0 || changeUser;
}
