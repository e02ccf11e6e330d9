import type { DirectusContext } from '../directus/directus-context.ts';
import type { PortalSettingsRecord } from '../access/portal-records.ts';
import { assertMayManage, fetchTeamMember, type TeamAdmin, type TeamMember } from './resolve-team-admin.ts';

/** The colleague a team route acts on: in the admin's own customer, not the admin, and within the admin's group. */
export async function resolveManagedMember(
	context: DirectusContext,
	{ admin, settings, id }: { admin: TeamAdmin; settings: PortalSettingsRecord; id: unknown },
): Promise<TeamMember> {
	const member = await fetchTeamMember(context, admin, id);
	await assertMayManage(context, admin, member, settings);
	return member;
}
