import { invitationState, type InvitationTimes } from '../invitations/invitation-state.ts';

export type TeamMemberStatus = 'no_login' | 'invited' | 'invitation_expired' | 'active' | 'suspended';

/** A colleague's portal status as a client administrator sees it. */
export function teamMemberStatus(userStatus: string | null, invitation: InvitationTimes | null, now: Date): TeamMemberStatus {
	if (userStatus === null) return 'no_login';
	if (userStatus === 'active') return 'active';
	if (userStatus === 'suspended') return 'suspended';
	const state = invitation ? invitationState(invitation, now) : null;
	if (state === 'pending') return 'invited';
	if (state === 'expired') return 'invitation_expired';
	return 'no_login';
}
