import type { DirectusContext } from '../directus/directus-context.ts';
import { TeamActionRefusedError } from '../errors/team-action-refused-error.ts';
import { displayName } from '../invitations/display-name.ts';
import type { TeamMember } from './resolve-team-admin.ts';

/** The address a colleague's password reset goes to: that of their active login; refused without one. */
export async function fetchResetAddress(
	context: Pick<DirectusContext, 'knex'>,
	{ member }: { member: TeamMember },
): Promise<string> {
	const user = member.user
		? ((await context.knex('directus_users').select('email', 'status').where('id', member.user).first()) as
				{ email: string; status: string } | undefined)
		: undefined;
	if (!user || user.status !== 'active')
		throw new TeamActionRefusedError({
			reason: `${displayName(member)} has no active login to reset. Send an invitation instead.`,
		});
	return user.email;
}
