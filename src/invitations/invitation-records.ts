export interface InvitableContact {
	id: number;
	email: string | null;
	first_name: string | null;
	last_name: string | null;
	status: string;
	customer: number;
	user: string | null;
	portal_group: number | null;
}

export interface InvitationRecord {
	id: number;
	contact: number;
	token_hash: string;
	expires_at: string;
	accepted_at: string | null;
	revoked_at: string | null;
	sent_count: number;
	last_sent_at: string | null;
}

export const contactFields = ['id', 'email', 'first_name', 'last_name', 'status', 'customer', 'user', 'portal_group'];

// Kept for importers outside the invitations folder.
