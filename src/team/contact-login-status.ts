import { invitationState, type InvitationTimes } from '../invitations/invitation-state.ts';

export type ContactLoginStatus = 'no_login' | 'invited' | 'invitation_expired' | 'active' | 'suspended';

/**
 * Who reads the status. Staff on a customer's page see the login as the portal treats it: an open
 * invitation first, and a login suspended on the contact as suspended. A client administrator sees their
 * colleague's Directus user first, and the newest invitation only for a colleague without an active or
 * suspended user.
 */
export type LoginStatusAudience = 'staff' | 'client_admin';

export interface ContactLoginFacts {
	/** The status of the contact's Directus user; null without one. */
	userStatus: string | null;
	/** The contact's own suspension (staff only read it). */
	loginSuspended: boolean | null;
	/** Staff: the newest invitation neither accepted nor revoked. A client administrator: the newest invitation. */
	invitation: InvitationTimes | null;
	now: Date;
}

/** A contact's portal login status for one audience (see `LoginStatusAudience`). */
export function contactLoginStatus(
	audience: LoginStatusAudience,
	{ userStatus, loginSuspended, invitation, now }: ContactLoginFacts,
): ContactLoginStatus {
	if (audience === 'staff') {
		if (invitation) return invitationState(invitation, now) === 'pending' ? 'invited' : 'invitation_expired';
		// A revoked invitation leaves an invited user unable to sign in: no login.
		if (userStatus === null || userStatus === 'invited') return 'no_login';
		if (loginSuspended || userStatus !== 'active') return 'suspended';
		return 'active';
	}
	if (userStatus === null) return 'no_login';
	if (userStatus === 'active') return 'active';
	if (userStatus === 'suspended') return 'suspended';
	const state = invitation ? invitationState(invitation, now) : null;
	if (state === 'pending') return 'invited';
	if (state === 'expired') return 'invitation_expired';
	return 'no_login';
}
