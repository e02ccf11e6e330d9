import { PortalUserLinkError } from '../errors/portal-user-link-error.ts';
import type { DirectusContext } from '../directus/directus-context.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import { assertNotStaffUser } from './assert-not-staff-user.ts';
import type { ContactKey } from './contact-access-fields.ts';
import { fetchGroupPolicies } from './fetch-group-policies.ts';
import { readContactAccess } from './read-contact-access.ts';

/**
 * Refuses to turn a staff user into a portal user, and to link a user that another contact already has.
 * A linkable user has no role or the portal role, and no policy of its own besides portal group policies
 * and customer badges.
 */
export async function assertLinkableUser(
	context: DirectusContext,
	userId: string,
	portalRole: string,
	contactId: ContactKey | null,
): Promise<void> {
	const user = await assertNotStaffUser(context, userId, portalRole, new Set(await fetchGroupPolicies(context)));
	const linked = await readContactAccess(context.knex, (await fetchDataMap(context)).contacts, { users: [userId] });
	const other = linked.find((contact) => String(contact.id) !== String(contactId));
	if (other)
		throw new PortalUserLinkError({
			reason: `The Directus user ${user.email ?? userId} is already linked to contact ${other.id}. A user can sign in as one contact only.`,
		});
}
