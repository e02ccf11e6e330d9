import { createError } from '@directus/errors';

export interface DefaultGroupInUseErrorExtensions {
	group: string;
}

export const DefaultGroupInUseError = createError<DefaultGroupInUseErrorExtensions>(
	'DEFAULT_GROUP_IN_USE',
	({ group }) =>
		`The portal group "${group}" is the default group for new portal contacts. Choose another default group in the portal settings first.`,
	409,
);
