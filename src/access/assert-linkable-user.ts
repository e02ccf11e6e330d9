import { PortalUserLinkError } from '../errors/portal-user-link-error.ts';
import { adminService, type DirectusContext } from '../directus/directus-context.ts';
import { assertNotStaffUser } from './assert-not-staff-user.ts';
import { fetchGroupPolicies } from './fetch-group-policies.ts';

/**
 * Refuses to turn a staff user into a portal user, and to link a user that another contact already has.
 * A linkable user has no role or the portal role, and no policy of its own besides portal group policies
 * and customer badges.
 */
export async function assertLinkableUser(
	context: DirectusContext,
	userId: string,
	portalRole: string,
	contactId: number | null,
): Promise<void> {
	const user = await assertNotStaffUser(context, userId, portalRole, new Set(await fetchGroupPolicies(context)));
	const linked = (await adminService(context, 'contacts').readByQuery({
		filter: { user: { _eq: userId } },
		fields: ['id'],
		limit: 1,
	})) as { id: number }[];
	const other = linked.find((contact) => contact.id !== contactId);
	if (other)
		throw new PortalUserLinkError({
			reason: `The Directus user ${user.email ?? userId} is already linked to contact ${other.id}. A user can sign in as one contact only.`,
		});
}
