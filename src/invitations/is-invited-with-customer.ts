/** What "Invite everyone without a login" needs to know of a contact; `user` is null when it has no Directus user. */
export interface ContactForCustomerInvitation {
	user: unknown;
	email: string | null;
	status: string | null;
}

/**
 * Whether inviting a whole customer invites this contact: no Directus user yet, an address, and active. The
 * server invites by it and the studio counts by it, so the count staff confirm is the number the server invites.
 */
export function isInvitedWithCustomer(contact: ContactForCustomerInvitation): boolean {
	return (contact.user ?? null) === null && Boolean(contact.email) && contact.status === 'active';
}
