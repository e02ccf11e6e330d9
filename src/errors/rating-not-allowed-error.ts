import { createError } from '@directus/errors';

export interface RatingNotAllowedErrorExtensions {
	reason: string;
}

/** This contact may not rate this ticket now (not its requester, not resolved, too late); `reason` says why. */
export const RatingNotAllowedError = createError<RatingNotAllowedErrorExtensions>(
	'RATING_NOT_ALLOWED',
	({ reason }) => reason,
	403,
);
