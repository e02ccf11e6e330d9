import { isDirectusError } from '@directus/errors';
import { type DirectusContext, systemService } from '../directus/directus-context.ts';
import { groupAccessDrift } from './group-access-drift.ts';
import { syncUserAccess } from './sync-user-access.ts';

/** Puts right what `groupAccessDrift` finds: detaches group policies from the portal role and syncs each user concerned. */
export async function restoreGroupAccess(
	context: DirectusContext,
	settings: { portalRole: string; defaultGroup: number | null },
): Promise<void> {
	const { excess, missing } = await groupAccessDrift(context.knex, settings);
	const viaRole = excess.filter((row) => row.user === null).map((row) => row.id);
	if (viaRole.length > 0) await systemService(context, 'AccessService').deleteMany(viaRole);
	const users = new Set([...excess.flatMap((row) => (row.user === null ? [] : [row.user])), ...missing]);
	// A contact may link a user who works as staff (a team's person who is also staff): such a user is never made a
	// portal user, and is left as it is (a data map's save names them, see `adoptLinkedUsers`). One user that
	// cannot be synced for another reason must not keep the others as they are.
	const failures: unknown[] = [];
	for (const user of users)
		await syncUserAccess(context, user, settings.portalRole, settings.defaultGroup).catch((error: unknown) => {
			if (!isDirectusError(error, 'PORTAL_USER_LINK')) failures.push(error);
		});
	if (failures.length > 0)
		throw new AggregateError(
			failures,
			`Could not bring ${failures.length} portal user${failures.length === 1 ? '' : 's'} in line with their contacts`,
		);
}
