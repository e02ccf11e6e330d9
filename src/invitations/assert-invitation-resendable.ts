import { InvitationConflictError } from '../errors/invitation-conflict-error.ts';
import type { InvitationState } from './invitation-state.ts';

/** A pending or expired invitation may be sent again; an accepted or revoked one may not. */
export function assertInvitationResendable(state: InvitationState): void {
	if (state === 'accepted' || state === 'revoked')
		throw new InvitationConflictError({
			reason: `This invitation has been ${state}; it cannot be sent again. Invite the contact anew if needed.`,
		});
}
