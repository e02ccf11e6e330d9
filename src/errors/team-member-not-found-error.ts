import { createError } from '@directus/errors';

/** Also the answer for contacts of other customers: to a client administrator they do not exist. */
export const TeamMemberNotFoundError = createError(
	'TEAM_MEMBER_NOT_FOUND',
	'There is no such colleague in your company.',
	404,
);
