export interface InvitationTimes {
	expires_at: string | Date;
	accepted_at: string | Date | null;
	revoked_at: string | Date | null;
}

export type InvitationState = 'pending' | 'expired' | 'accepted' | 'revoked';

/** Where an invitation stands at `now`: an accepted or revoked one stays so, whatever its expiry. */
export function invitationState(invitation: InvitationTimes, now: Date): InvitationState {
	if (invitation.accepted_at) return 'accepted';
	if (invitation.revoked_at) return 'revoked';
	return new Date(invitation.expires_at).getTime() <= now.getTime() ? 'expired' : 'pending';
}

export function invitationExpiry(now: Date, ttlHours: number): Date {
	return new Date(now.getTime() + ttlHours * 3_600_000);
}
