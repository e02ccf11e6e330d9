import { createError } from '@directus/errors';
import { type ViewAsRefusal, viewAsRefusals } from '../view-as/view-as-refusals.ts';

export interface ViewAsRefusedErrorExtensions {
	why: ViewAsRefusal;
	/** The English words of `why`, as the message says them. */
	reason: string;
}

/** A View as ticket that cannot be used (expired, someone else's, the contact cannot sign in); `why` says why. */
export const ViewAsRefusedError = createError<ViewAsRefusedErrorExtensions>(
	'VIEW_AS_REFUSED',
	({ reason }) => reason,
	403,
);

/** The refusal for `why`. */
export const viewAsRefused = (why: ViewAsRefusal) => new ViewAsRefusedError({ why, reason: viewAsRefusals[why] });
