/**
 * "Is this role the portal role?" on a hot path (every query a signed-in user makes). The portal role is
 * managed by the product: made once, never pointed elsewhere (a repair makes a new role, with a new id).
 * So once the settings name it, the answer for it and for every other role is kept in memory; until they
 * name one, every call reads them again. Admins and the product itself never ask. `context` is handed to
 * the reader (the caller's connection: on SQLite a second one would wait for the caller's transaction).
 */
export function portalRoleCheck<C>(
	readPortalRole: (context: C) => Promise<string | null>,
): (role: string | null, context: C) => Promise<boolean> {
	let portalRole: string | null = null;
	const otherRoles = new Set<string>();
	return async (role, context) => {
		if (role === null || otherRoles.has(role)) return false;
		if (role === portalRole) return true;
		portalRole = (await readPortalRole(context)) ?? portalRole;
		if (portalRole !== null && role !== portalRole) otherRoles.add(role);
		return role === portalRole;
	};
}
