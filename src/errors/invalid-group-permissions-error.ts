import { createError } from '@directus/errors';

export interface InvalidGroupPermissionsErrorExtensions {
	problems: string[];
}

export const InvalidGroupPermissionsError = createError<InvalidGroupPermissionsErrorExtensions>(
	'INVALID_GROUP_PERMISSIONS',
	({ problems }) => `The portal group's permissions are not valid: ${problems.join(' ')}`,
	400,
);
