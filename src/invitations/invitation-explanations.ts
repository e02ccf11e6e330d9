/**
 * Why an invitation link cannot be used, by the state the server finds it in, in English: the server's refusal
 * says it, and the portal app's English catalogue says the same (other languages say it their way).
 */
export const invitationExplanations = {
	unknown:
		'This invitation link is not valid. Check that you opened the whole link from the e-mail, or ask for a new invitation.',
	expired: 'This invitation link has expired. Ask for a new invitation.',
	accepted:
		'This invitation has already been used. Sign in with your e-mail address and password, or reset your password.',
	revoked: 'This invitation has been withdrawn. Ask for a new invitation if you still need access.',
} as const;
