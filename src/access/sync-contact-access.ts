import type { DirectusContext } from '../directus/directus-context.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import type { ContactKey } from './contact-access-fields.ts';
import { readContactAccess } from './read-contact-access.ts';
import { syncUserAccess } from './sync-user-access.ts';

/**
 * Brings the users of the given contacts in line with the stored data. Run after writes commit, as the
 * authority over what the filters did beforehand.
 */
export async function syncContactAccess(
	context: DirectusContext,
	contactIds: ContactKey[],
	portalRole: string,
	defaultGroup: number | null,
): Promise<void> {
	const contacts = await readContactAccess(context.knex, (await fetchDataMap(context)).contacts, { keys: contactIds });
	const users = new Set(contacts.flatMap(({ user }) => (user ? [user] : [])));
	for (const user of users) await syncUserAccess(context, user, portalRole, defaultGroup);
}
