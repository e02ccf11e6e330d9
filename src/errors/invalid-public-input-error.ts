import { createError } from '@directus/errors';

export interface InvalidPublicInputErrorExtensions {
	problems: string[];
}

export const InvalidPublicInputError = createError<InvalidPublicInputErrorExtensions>(
	'INVALID_PUBLIC_INPUT',
	({ problems }) => problems.join(' '),
	400,
);
