/**
 * What a user linked to a contact should be, from its status now and whether the contact's login is
 * enabled (its group grants something and `login_suspended` is off). A disabled login is suspended; an
 * enabled one keeps its status, except that a suspended user is active again (an invited user stays
 * invited until it accepts its invitation).
 *
 * Only an active user holds its group's policy and its customer's badge. A user that cannot sign in, and
 * an invited one that has not chosen its password yet, holds nothing: Directus keeps an access token
 * valid until it expires, whatever became of its holder since, but reads the holder's policies on every
 * request — so a token issued to a login that was suspended, or taken away and offered again by an
 * invitation, reads nothing until the login is in use again.
 */
export function linkedUserState(status: string, loginEnabled: boolean): { status: string; holdsPolicies: boolean } {
	if (!loginEnabled) return { status: 'suspended', holdsPolicies: false };
	const next = status === 'suspended' ? 'active' : status;
	return { status: next, holdsPolicies: next === 'active' };
}
