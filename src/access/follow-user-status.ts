/**
 * Staff suspending or re-enabling a portal user in Directus's User Directory (or through `/users`)
 * suspend or re-enable its contact's login. The contact's `login_suspended` stays the one record of a
 * suspended login, so the product's one suspension applies (see sync-user-access.ts: the policies are taken
 * away at once, which ends an access token Directus would otherwise honour until it expires) and no later
 * sync of the contact wakes a login staff suspended. Any status but `active` counts as suspended: Directus
 * signs no such user in.
 */
import type { Accountability } from '@directus/types';
import { adminService, type DirectusContext } from '../directus/directus-context.ts';
import { storedAs } from '../data-map/stored-as.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import { readContactAccess } from './read-contact-access.ts';

/**
 * Sets `login_suspended` on the contacts of `userIds` whose value differs from what `status` says, through
 * Directus's items service as `accountability` (so the product's contact hooks apply it, and the change is
 * audited as that person's), or as the product itself with `null`.
 */
export async function followUserStatus(
	context: DirectusContext,
	accountability: Accountability | null,
	userIds: string[],
	status: string,
): Promise<void> {
	const suspended = status !== 'active';
	const map = (await fetchDataMap(context)).contacts;
	const changing = (await readContactAccess(context.knex, map, { users: userIds }))
		.filter((contact) => contact.login_suspended !== suspended)
		.map((contact) => contact.id);
	if (changing.length === 0) return;
	const service = adminService(context, map.collection, accountability);
	await service.updateMany(changing, storedAs(map, { login_suspended: suspended }));
}
