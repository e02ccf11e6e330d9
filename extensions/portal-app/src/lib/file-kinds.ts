/**
 * How the portal shows a file before it is opened: a thumbnail of an image the browser draws (and Directus's
 * /assets can scale), a badge naming any other kind by its extension ("PDF", "TXT").
 */

/** Image types every browser draws and Directus's /assets scales to a thumbnail (TIFF and HEIC are neither). */
const thumbnailTypes = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);

export function isThumbnailImage(type: string | null | undefined): boolean {
	return thumbnailTypes.has((type ?? '').toLowerCase());
}

export function isPdf(type: string | null | undefined): boolean {
	return (type ?? '').toLowerCase() === 'application/pdf';
}

/** The badge for a file that shows no thumbnail: its extension in capitals, or null when its name has none. */
export function fileBadge(name: string, type: string | null | undefined): string | null {
	if (isPdf(type)) return 'PDF';
	const extension = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1];
	return extension ? extension.toUpperCase() : null;
}
