import type { Accountability } from '@directus/types';

/**
 * The accountability the product acts with on a portal user's behalf (View as, a reply by e-mail): their user and
 * role only, never admin or app access, so Directus applies their group's policies as to their own requests.
 * `from` carries the request's address and client where there is one.
 */
export function portalAccountability(
	user: string,
	role: string | null,
	from: Pick<Accountability, 'ip' | 'userAgent' | 'origin'> = { ip: null },
): Accountability {
	return {
		user,
		role,
		roles: role ? [role] : [],
		admin: false,
		app: false,
		ip: from.ip ?? null,
		...(from.userAgent ? { userAgent: from.userAgent } : {}),
		...(from.origin ? { origin: from.origin } : {}),
	};
}
