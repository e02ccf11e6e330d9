import type { DirectusContext } from '../directus/directus-context.ts';
import { releaseLocked } from './release-locked.ts';
import { withUserLocked } from './with-user-locked.ts';

/**
 * Takes the portal role, every portal group policy and every customer badge away from a user no contact
 * links to any more, and ends its login: suspended, without a password. Taking the policies away ends the
 * access tokens it holds (Directus keeps a JSON-mode access token valid until it expires, but reads its
 * holder's policies on every request); the suspension makes Directus delete its sessions, which ends its
 * session cookies and refresh tokens at once, and refuse it sign-in and password resets. It signs in
 * again only once staff re-enable it (linking it to a contact, or in the User Directory, then a password
 * reset), or once it accepts an invitation with a new password (`inviteContact` makes a reused user
 * invited). A user that works as staff keeps its login: only the portal's access is taken.
 */
export async function releasePortalUser(context: DirectusContext, userId: string, portalRole: string): Promise<void> {
	await withUserLocked(context, userId, (locked) => releaseLocked(locked, userId, portalRole));
}
