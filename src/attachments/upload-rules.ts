/**
 * What contacts may upload: common document and image types only, up to a size limit. Everything
 * about where a file goes (storage, folder, owner, name on disk) is decided by the server.
 */
export const uploadTypes = new Set([
	'image/png',
	'image/jpeg',
	'image/gif',
	'image/webp',
	'application/pdf',
	'text/plain',
	'text/csv',
	'application/zip',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	'application/msword',
	'application/vnd.ms-excel',
]);

export const defaultUploadLimitBytes = 10 * 1024 * 1024;

/** PORTAL_UPLOAD_MAX_BYTES, or 10 MB. */
export function uploadLimitFromEnv(env: Record<string, unknown>): number {
	const value = Number(env['PORTAL_UPLOAD_MAX_BYTES']);
	return Number.isSafeInteger(value) && value > 0 ? value : defaultUploadLimitBytes;
}

/** A file name safe to show and to offer as a download name: no folders, no control characters. */
export function cleanFileName(name: unknown): string | null {
	if (typeof name !== 'string') return null;
	const base = name.split(/[\\/]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex
	const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
	return cleaned.length > 0 && cleaned.length <= 200 && cleaned !== '.' && cleaned !== '..' ? cleaned : null;
}

/** The media type without parameters ("text/plain; charset=utf-8" -> "text/plain"), lower-cased. */
export function mediaType(contentType: unknown): string {
	return typeof contentType === 'string' ? (contentType.split(';')[0] ?? '').trim().toLowerCase() : '';
}
