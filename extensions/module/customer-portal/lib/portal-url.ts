/** The portal's address beside this studio: the same Directus, `/portal/` instead of `/admin/…`. */
export function portalUrlFromStudio(studioUrl: string): string {
	const url = new URL(studioUrl);
	const adminAt = url.pathname.indexOf('/admin');
	const root = adminAt >= 0 ? url.pathname.slice(0, adminAt) : '';
	return `${url.origin}${root}/portal/`;
}
