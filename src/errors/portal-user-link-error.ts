import { createError } from '@directus/errors';

export interface PortalUserLinkErrorExtensions {
	reason: string;
}

/** A contact cannot be linked to this Directus user; `reason` says why and what to do. */
export const PortalUserLinkError = createError<PortalUserLinkErrorExtensions>(
	'PORTAL_USER_LINK',
	({ reason }) => reason,
	400,
);
