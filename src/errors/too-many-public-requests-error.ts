import { createError } from '@directus/errors';

export const TooManyPublicRequestsError = createError(
	'TOO_MANY_PUBLIC_REQUESTS',
	'Too many requests from here or for this e-mail address. Please wait an hour and try again.',
	429,
);
