import type { Accountability } from '@directus/types';
import { adminService, type DirectusContext } from '../directus/directus-context.ts';
import { storedAs } from '../data-map/stored-as.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import { readContactAccess } from './read-contact-access.ts';

/**
 * Unlinks the users that staff are deleting from their contacts, through Directus's items service as
 * `accountability` (so the product's contact hooks release each user at once and audit it), as staff
 * unlinking them would. Without it the database's `SET NULL` unlinks them unseen, and Directus, which
 * clears its permission caches only when its services change access, keeps serving a deleted user's
 * access token the policies it held.
 */
export async function unlinkUsers(
	context: DirectusContext,
	accountability: Accountability | null,
	userIds: string[],
): Promise<void> {
	const map = (await fetchDataMap(context)).contacts;
	const contacts = await readContactAccess(context.knex, map, { users: userIds });
	if (contacts.length === 0) return;
	const service = adminService(context, map.collection, accountability);
	await service.updateMany(
		contacts.map((contact) => contact.id),
		storedAs(map, { user: null }),
	);
}
