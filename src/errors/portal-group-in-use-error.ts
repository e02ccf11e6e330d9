import { createError } from '@directus/errors';

export interface PortalGroupInUseErrorExtensions {
	group: string;
	contacts: number;
}

export const PortalGroupInUseError = createError<PortalGroupInUseErrorExtensions>(
	'PORTAL_GROUP_IN_USE',
	({ group, contacts }) =>
		`The portal group "${group}" cannot be deleted while ${contacts} ${contacts === 1 ? 'contact uses' : 'contacts use'} it. Move ${contacts === 1 ? 'that contact' : 'them'} to another group first.`,
	409,
);
