import { createError } from '@directus/errors';

export interface UploadRefusedErrorExtensions {
	reason: string;
}

export const UploadRefusedError = createError<UploadRefusedErrorExtensions>(
	'UPLOAD_REFUSED',
	({ reason }) => reason,
	400,
);
