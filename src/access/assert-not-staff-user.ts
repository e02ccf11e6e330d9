import { PortalUserLinkError } from '../errors/portal-user-link-error.ts';
import { type DirectusContext, systemService } from '../directus/directus-context.ts';
import { isStaffUser } from './is-staff-user.ts';

export interface LinkableUserRecord {
	id: string;
	email: string | null;
	role: string | null;
	status: string;
}

/** Throws unless the user exists, has no role but the portal role, and no policy but portal group policies and customer badges. */
export async function assertNotStaffUser(
	context: DirectusContext,
	userId: string,
	portalRole: string,
	groupPolicies: Set<string>,
): Promise<LinkableUserRecord> {
	const user = (
		await systemService(context, 'UsersService').readByQuery({
			filter: { id: { _eq: userId } },
			fields: ['id', 'email', 'role', 'status'],
			limit: 1,
		})
	)[0] as LinkableUserRecord | undefined;
	if (!user) throw new PortalUserLinkError({ reason: `There is no Directus user with the id ${userId}.` });
	if (await isStaffUser(context, { user, portalRole, groupPolicies })) {
		throw new PortalUserLinkError({
			reason: `The Directus user ${user.email ?? userId} works as staff (it has a role or policies outside the portal). Give the contact a user of its own.`,
		});
	}
	return user;
}
