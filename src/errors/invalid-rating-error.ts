import { createError } from '@directus/errors';

export interface InvalidRatingErrorExtensions {
	reason: string;
}

/** A rating that cannot be taken as sent (an unknown value, a comment too long); `reason` says what to send. */
export const InvalidRatingError = createError<InvalidRatingErrorExtensions>(
	'INVALID_RATING',
	({ reason }) => reason,
	400,
);
