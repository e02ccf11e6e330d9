import { createError } from '@directus/errors';

export interface InvitationConflictErrorExtensions {
	reason: string;
}

/** The invitation or login is not in a state that allows this (already accepted, already revoked, already active). */
export const InvitationConflictError = createError<InvitationConflictErrorExtensions>(
	'INVITATION_CONFLICT',
	({ reason }) => reason,
	409,
);
