/** The upload size limit when none is set: 10 MB. */
export const defaultUploadLimitBytes = 10 * 1024 * 1024;

/** PORTAL_UPLOAD_MAX_BYTES, or 10 MB. */
export function uploadLimitFromEnv(env: Record<string, unknown>): number {
	const value = Number(env['PORTAL_UPLOAD_MAX_BYTES']);
	return Number.isSafeInteger(value) && value > 0 ? value : defaultUploadLimitBytes;
}
