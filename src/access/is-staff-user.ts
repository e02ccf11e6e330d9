import type { DirectusContext } from '../directus/directus-context.ts';
import { staffPolicies } from './staff-policies.ts';

export interface StaffUserOptions {
	user: { id: string; role: string | null };
	/** The portal role; null while the settings name none (then any role is staff's). */
	portalRole: string | null;
	/** Every portal group's policy (see `fetchGroupPolicies`). */
	groupPolicies: Set<string>;
}

/**
 * Whether a user works as staff: it has a role other than the portal role, or a policy of its own that is
 * neither a portal group's nor a customer badge. Such a user is never made a portal user.
 */
export async function isStaffUser(
	context: Pick<DirectusContext, 'knex'>,
	{ user, portalRole, groupPolicies }: StaffUserOptions,
): Promise<boolean> {
	if (user.role !== null && user.role !== portalRole) return true;
	const access = (await context.knex('directus_access').select('policy').where('user', user.id)) as {
		policy: string;
	}[];
	return (
		(
			await staffPolicies(
				context,
				access.map((row) => row.policy),
				groupPolicies,
			)
		).length > 0
	);
}
