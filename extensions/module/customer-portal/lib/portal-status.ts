import { contactLoginStatus } from '../../../../src/team/contact-login-status.ts';
import { strings } from '../i18n/strings.ts';
import { shortDateTime } from './date-time.ts';

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

/** The status in the studio's words, its date in the studio's language. */
export function describePortalStatus(status: PortalStatus): string {
	const words = strings.customer.status;
	switch (status.kind) {
		case 'no_login':
			return words.noLogin;
		case 'invited':
			return words.invited(shortDateTime(status.until));
		case 'invitation_expired':
			return words.invitationExpired;
		case 'active':
			return words.active;
		case 'suspended':
			return words.suspended;
	}
}
