import type { Accountability } from '@directus/types';
import { adminService, type DirectusContext } from '../directus/directus-context.ts';

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
	const contacts = (await context.knex('contacts').select('id').whereIn('user', userIds)) as { id: number }[];
	if (contacts.length === 0) return;
	const service = adminService(context, 'contacts', accountability);
	await service.updateMany(
		contacts.map((contact) => contact.id),
		{ user: null },
	);
}
