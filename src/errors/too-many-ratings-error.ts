import { createError } from '@directus/errors';

/** A contact gave or changed ratings more often than `ratingsPerHour` allows. */
export const TooManyRatingsError = createError(
	'TOO_MANY_RATINGS',
	'You rated tickets too often in the last hour. Please wait an hour and try again.',
	429,
);
