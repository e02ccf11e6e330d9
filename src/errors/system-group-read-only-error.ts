import { createError } from '@directus/errors';

export interface SystemGroupReadOnlyErrorExtensions {
	group: string;
}

export const SystemGroupReadOnlyError = createError<SystemGroupReadOnlyErrorExtensions>(
	'SYSTEM_GROUP_READ_ONLY',
	({ group }) =>
		`"${group}" is a system portal group and cannot be changed or deleted. Make a copy of it and change the copy instead.`,
	400,
);
