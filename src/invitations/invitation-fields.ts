/** The columns of `portal_invitations` the product reads. */
export const invitationFields = [
	'id',
	'contact',
	'token_hash',
	'expires_at',
	'accepted_at',
	'revoked_at',
	'sent_count',
	'last_sent_at',
];
