import type { DirectusContext } from '../directus/directus-context.ts';
import { releasePortalUser } from './release-portal-user.ts';

/**
 * Portal-role users that no contact links to lose the role and their group policy. A sweep over every
 * portal user: for start-up only, when no request can be linking a user at the same moment.
 */
export async function releaseUnlinkedPortalUsers(context: DirectusContext, portalRole: string): Promise<void> {
	const linked = context.knex('contacts').select('user').whereNotNull('user');
	const orphans = (await context
		.knex('directus_users')
		.select('id')
		.where('role', portalRole)
		.whereNotIn('id', linked)) as { id: string }[];
	for (const orphan of orphans) await releasePortalUser(context, orphan.id, portalRole);
}
