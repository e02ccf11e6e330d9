import { createError } from '@directus/errors';

export interface InvitationRefusedErrorExtensions {
	reason: string;
}

/** An invitation cannot be sent, resent, revoked or accepted; `reason` says why and what to do. */
export const InvitationRefusedError = createError<InvitationRefusedErrorExtensions>(
	'INVITATION_REFUSED',
	({ reason }) => reason,
	400,
);
