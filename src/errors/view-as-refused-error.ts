import { createError } from '@directus/errors';
import { type ViewAsRefusal, viewAsRefusals } from '../view-as/view-as-refusals.ts';

export interface ViewAsRefusedErrorExtensions {
	/** Why, for the studio and the portal to say in their language; the message says it in English. */
	why: ViewAsRefusal;
}

/** A View as ticket that cannot be used (expired, someone else's, the contact cannot sign in), or a contact who cannot be viewed. */
export const ViewAsRefusedError = createError<ViewAsRefusedErrorExtensions>(
	'VIEW_AS_REFUSED',
	({ why }) => viewAsRefusals[why],
	403,
);
