import { createError } from '@directus/errors';

export interface UploadTooLargeErrorExtensions {
	limit: number;
}

export const UploadTooLargeError = createError<UploadTooLargeErrorExtensions>(
	'UPLOAD_TOO_LARGE',
	({ limit }) => `The file is larger than ${Math.round(limit / 1024 / 1024)} MB. Send a smaller file.`,
	413,
);
