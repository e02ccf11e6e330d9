import type { DirectusContext } from '../directus/directus-context.ts';
import { syncUserAccess } from './sync-user-access.ts';

/**
 * Brings the users of the given contacts in line with the stored data. Run after writes commit, as the
 * authority over what the filters did beforehand.
 */
export async function syncContactAccess(
	context: DirectusContext,
	contactIds: number[],
	portalRole: string,
	defaultGroup: number | null,
): Promise<void> {
	const users = (await context.knex('contacts').distinct('user').whereIn('id', contactIds).whereNotNull('user')) as {
		user: string;
	}[];
	for (const { user } of users) await syncUserAccess(context, user, portalRole, defaultGroup);
}
