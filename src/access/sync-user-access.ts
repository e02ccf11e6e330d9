/**
 * Keeps Directus in step with who is a portal user: a contact linked to a Directus user puts that user
 * under the portal role with exactly one portal group policy (its group's) and its customer's badge (see
 * src/badges/ensure-customer-badge.ts); a group that grants nothing, or a suspended login, suspends the
 * user and takes both away; unlinking takes everything away and ends the login (see `releasePortalUser`).
 * Changing a contact's group or customer changes one access row.
 *
 * Every change to one user's access runs under that user's lock (`withUserLocked`): two quick writes to a
 * contact (suspend, then unsuspend) start two syncs, and without the lock the older one, having read the
 * contact first, could write last and leave a suspended contact its policies.
 */
import { adminService, type DirectusContext } from '../directus/directus-context.ts';
import { storedAs } from '../data-map/stored-as.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import { applyGroupLocked } from './apply-group-locked.ts';
import { readContactAccess } from './read-contact-access.ts';
import { releaseLocked } from './release-locked.ts';
import { withUserLocked } from './with-user-locked.ts';

/**
 * Brings one user in line with the contact that links it, read under the user's lock: the group's policy
 * and the customer's badge while the login is active, nothing once suspended, and nothing at all (the
 * portal role included) when no contact links it any more.
 */
export async function syncUserAccess(
	context: DirectusContext,
	userId: string,
	portalRole: string,
	defaultGroup: number | null,
): Promise<void> {
	const { contacts } = await fetchDataMap(context);
	await withUserLocked(context, userId, async (locked) => {
		const [contact] = await readContactAccess(locked.knex, contacts, { users: [userId] });
		if (!contact) return releaseLocked(locked, userId, portalRole);
		const group = contact.portal_group ?? defaultGroup;
		if (group === null) return false;
		if (contact.portal_group === null)
			await adminService(locked, contacts.collection).updateOne(
				contact.id,
				storedAs(contacts, { portal_group: group }),
				{
					emitEvents: false,
				},
			);
		return applyGroupLocked(locked, userId, group, contact.customer, portalRole, contact.login_suspended === true);
	});
}
