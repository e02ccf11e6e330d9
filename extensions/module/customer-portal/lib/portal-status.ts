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
 * `invitation` is the contact's newest invitation that is neither accepted nor revoked, if any. An invited
 * contact already has a Directus user (status "invited") until they accept; a revoked invitation leaves
 * that user unable to sign in, which is no login.
 */
export function portalStatus(contact: ContactForStatus, invitation: OpenInvitation | null, now: Date = new Date()): PortalStatus {
	if (invitation) {
		const until = new Date(invitation.expires_at);
		return until.getTime() > now.getTime() ? { kind: 'invited', until, invitation: invitation.id } : { kind: 'invitation_expired', invitation: invitation.id };
	}
	if (contact.user_status === null || contact.user_status === 'invited') return { kind: 'no_login' };
	if (contact.login_suspended || contact.user_status !== 'active') return { kind: 'suspended' };
	return { kind: 'active' };
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
