import { createError } from '@directus/errors';

export interface ViewAsRefusedErrorExtensions {
	reason: string;
}

/** A View as ticket that cannot be used (expired, someone else's, the contact cannot sign in); `reason` says why. */
export const ViewAsRefusedError = createError<ViewAsRefusedErrorExtensions>(
	'VIEW_AS_REFUSED',
	({ reason }) => reason,
	403,
);
