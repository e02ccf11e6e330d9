/** This Directus's address as the studio is served under it (`/admin/…` taken off), without a trailing slash. */
export function directusUrlFromStudio(studioUrl: string): string {
	const url = new URL(studioUrl);
	const adminAt = url.pathname.indexOf('/admin');
	return `${url.origin}${adminAt >= 0 ? url.pathname.slice(0, adminAt) : ''}`;
}

/** The portal's address beside this studio: the same Directus, `/portal/` instead of `/admin/…`. */
export function portalUrlFromStudio(studioUrl: string): string {
	return `${directusUrlFromStudio(studioUrl)}/portal/`;
}
