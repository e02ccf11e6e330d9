import type { Accountability } from '@directus/types';

/**
 * Whether an accountability is a portal user's: signed in, not an admin, under the portal role. Without a
 * portal role (settings not prepared yet) there is no portal user.
 */
export function isPortalUser(
	accountability: Pick<Accountability, 'user' | 'role' | 'admin'> | null | undefined,
	portalRole: string | null,
): boolean {
	return (
		Boolean(accountability?.user) &&
		accountability?.admin !== true &&
		portalRole !== null &&
		accountability?.role === portalRole
	);
}
