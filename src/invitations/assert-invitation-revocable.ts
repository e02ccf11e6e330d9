import { InvitationConflictError } from '../errors/invitation-conflict-error.ts';
import type { InvitationState } from './invitation-state.ts';

/** Any invitation but an accepted one may be revoked (revoking a revoked one changes nothing). */
export function assertInvitationRevocable(state: InvitationState): void {
	if (state === 'accepted')
		throw new InvitationConflictError({
			reason: 'This invitation has already been accepted. Suspend the login instead.',
		});
}
