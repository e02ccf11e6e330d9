import { type DirectusContext, systemService } from '../directus/directus-context.ts';
import type { LinkableUserRecord } from './assert-not-staff-user.ts';
import { fetchGroupPolicies } from './fetch-group-policies.ts';
import { fetchPortalAccessRows } from './fetch-portal-access-rows.ts';
import { isStaffUser } from './is-staff-user.ts';

/** `releasePortalUser` under a lock already held. Returns whether anything changed. */
export async function releaseLocked(context: DirectusContext, userId: string, portalRole: string): Promise<boolean> {
	const groupPolicies = await fetchGroupPolicies(context);
	const rows = await fetchPortalAccessRows(context, userId, groupPolicies);
	if (rows.length > 0) await systemService(context, 'AccessService').deleteMany(rows.map((row) => row.id));
	const users = systemService(context, 'UsersService');
	const user = (
		await users.readByQuery({ filter: { id: { _eq: userId } }, fields: ['id', 'role', 'status', 'password'], limit: 1 })
	)[0] as (LinkableUserRecord & { password: string | null }) | undefined;
	if (!user || (await isStaffUser(context, { user, portalRole, groupPolicies: new Set(groupPolicies) })))
		return rows.length > 0;
	const changes = {
		...(user.role === portalRole ? { role: null } : {}),
		...(user.status !== 'suspended' ? { status: 'suspended' } : {}),
		...(user.password !== null ? { password: null } : {}),
	};
	if (Object.keys(changes).length > 0) await users.updateOne(userId, changes);
	return rows.length > 0 || Object.keys(changes).length > 0;
}
