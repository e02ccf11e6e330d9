import { createError } from '@directus/errors';
import { refusalWords } from './refusal-words.ts';

export const TooManyPublicRequestsError = createError(
	'TOO_MANY_PUBLIC_REQUESTS',
	refusalWords.TOO_MANY_PUBLIC_REQUESTS,
	429,
);
