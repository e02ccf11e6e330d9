import { contactLoginStatus } from '../../../../src/team/contact-login-status.ts';

/** A contact's portal status as staff read it on the customer page. */
export type PortalStatus =
	| { kind: 'no_login' }
	| { kind: 'invited'; until: Date; invitation: number }
	| { kind: 'invitation_expired'; invitation: number }
	| { kind: 'active' }
	| { kind: 'suspended' };

export interface ContactForStatus {
	/** The status of the contact's Directus user; null without one. */
	user_status: string | null;
	login_suspended: boolean | null;
}

export interface OpenInvitation {
	id: number;
	expires_at: string;
}

/**
 * `invitation` is the contact's newest invitation that is neither accepted nor revoked, if any. The status
 * itself is the product's one rule for staff (`contactLoginStatus`); this adds what the page shows with it.
 */
export function portalStatus(
	contact: ContactForStatus,
	invitation: OpenInvitation | null,
	now: Date = new Date(),
): PortalStatus {
	const kind = contactLoginStatus('staff', {
		userStatus: contact.user_status,
		loginSuspended: contact.login_suspended,
		invitation: invitation && { expires_at: invitation.expires_at, accepted_at: null, revoked_at: null },
		now,
	});
	if (kind === 'invited' && invitation)
		return { kind, until: new Date(invitation.expires_at), invitation: invitation.id };
	if (kind === 'invitation_expired' && invitation) return { kind, invitation: invitation.id };
	if (kind === 'invited' || kind === 'invitation_expired') return { kind: 'no_login' };
	return { kind };
}

export function describePortalStatus(status: PortalStatus): string {
	switch (status.kind) {
		case 'no_login':
			return 'No login';
		case 'invited':
			return `Invited until ${status.until.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' })}`;
		case 'invitation_expired':
			return 'Invitation expired';
		case 'active':
			return 'Active';
		case 'suspended':
			return 'Suspended';
	}
}
