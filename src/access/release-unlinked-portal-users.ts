import type { DirectusContext } from '../directus/directus-context.ts';
import { fieldOf } from '../compiler/mapped-fields.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import { releasePortalUser } from './release-portal-user.ts';

/**
 * Portal-role users that no contact links to lose the role and their group policy. A sweep over every
 * portal user: for start-up only, when no request can be linking a user at the same moment.
 */
export async function releaseUnlinkedPortalUsers(context: DirectusContext, portalRole: string): Promise<void> {
	const { contacts } = await fetchDataMap(context);
	const linked = context
		.knex(contacts.collection)
		.select(fieldOf(contacts, 'user'))
		.whereNotNull(fieldOf(contacts, 'user'));
	const orphans = (await context
		.knex('directus_users')
		.select('id')
		.where('role', portalRole)
		.whereNotIn('id', linked)) as { id: string }[];
	for (const orphan of orphans) await releasePortalUser(context, orphan.id, portalRole);
}
