import { createError } from '@directus/errors';

export interface TeamActionRefusedErrorExtensions {
	reason: string;
}

/** A client administrator may not do this to this colleague; `reason` says why, in their words. */
export const TeamActionRefusedError = createError<TeamActionRefusedErrorExtensions>(
	'TEAM_ACTION_REFUSED',
	({ reason }) => reason,
	403,
);
