/** What each audit action means, in words staff read in the log. */
const actionWords: Record<string, string> = {
	'contact.access_changed': 'Changed a contact’s portal access',
	'contact.unsubscribed': 'Unsubscribed from e-mails',
	'customer.visibility_changed': 'Changed a customer’s visibility to its parent',
	'data_map.saved': 'Saved the data map',
	'doctor.policies_restored': 'Restored the portal’s policies',
	'group.changed': 'Changed a portal group',
	'group.created': 'Created a portal group',
	'invitation.accepted': 'Accepted an invitation',
	'invitation.resent': 'Sent an invitation again',
	'invitation.revoked': 'Revoked an invitation',
	'invitation.sent': 'Sent an invitation',
	'mail.resent': 'Sent an e-mail again',
	'profile.notifications_changed': 'Changed their notifications',
	'profile.password_changed': 'Changed their password',
	'public.request': 'Sent a request without a login',
	'quote.approved': 'Approved a quote',
	'quote.declined': 'Declined a quote',
	'self_signup.requested': 'Asked to sign up',
	'team.contact_added': 'Added a colleague',
	'team.group_changed': 'Changed a colleague’s group',
	'team.password_reset': 'Sent a colleague a password reset',
	'team.reactivated': 'Let a colleague sign in again',
	'team.suspended': 'Suspended a colleague',
	'ticket.attachment_added': 'Attached a file to a ticket',
	'view_as.started': 'Viewed the portal as a contact',
};

/**
 * An audit action in words, with what its details add where they say more (which way a customer's
 * visibility went); an action this list does not know yet is shown as it is stored.
 */
export function auditActionWords(action: string, details: unknown = null): string {
	if (action === 'customer.visibility_changed' && typeof details === 'object' && details !== null) {
		const visible = (details as Record<string, unknown>)['visible_to_parent'];
		if (visible === false) return 'Hid a customer from its parent';
		if (visible === true) return 'Showed a customer to its parent';
	}
	return actionWords[action] ?? action;
}
