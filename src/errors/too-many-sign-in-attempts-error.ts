import { createError } from '@directus/errors';

export interface TooManySignInAttemptsErrorExtensions {
	/** Seconds until the next attempt is let through (also sent as Retry-After). */
	retryAfter: number;
}

export const TooManySignInAttemptsError = createError<TooManySignInAttemptsErrorExtensions>(
	'TOO_MANY_SIGN_IN_ATTEMPTS',
	({ retryAfter }) =>
		`Too many sign-in attempts for this account or from this address. Try again in ${Math.max(1, Math.ceil(retryAfter / 60))} minute(s), or reset your password.`,
	429,
);
