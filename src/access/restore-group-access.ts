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
	// One user that cannot be synced (a staff user linked behind Directus's back) must not keep the others as they are.
	const failures: unknown[] = [];
	for (const user of users)
		await syncUserAccess(context, user, settings.portalRole, settings.defaultGroup).catch((error: unknown) =>
			failures.push(error),
		);
	if (failures.length > 0)
		throw new AggregateError(
			failures,
			`Could not bring ${failures.length} portal user${failures.length === 1 ? '' : 's'} in line with their contacts`,
		);
}
