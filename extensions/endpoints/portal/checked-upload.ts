/**
 * A file sent as a request's body, as the portal's upload routes take one (contacts' and staff's alike): named in
 * `?filename=`, of an allowed type, and no larger than the limit — declared or, without a Content-Length, measured
 * as it arrives. Refused in words before anything is stored.
 */
import type { Readable } from 'node:stream';
import type { Request, Response } from 'express';
import { ByteLimit } from '../../../src/attachments/byte-limit.ts';
import { cleanFileName } from '../../../src/attachments/clean-file-name.ts';
import { mediaType } from '../../../src/attachments/media-type.ts';
import { uploadTypes } from '../../../src/attachments/upload-types.ts';
import { UploadRefusedError } from '../../../src/errors/upload-refused-error.ts';
import { UploadTooLargeError } from '../../../src/errors/upload-too-large-error.ts';

/** The file's clean name and type, checked against the upload rules. */
export function checkedUpload(request: Request, limit: number): { filename: string; type: string } {
	const filename = cleanFileName(request.query['filename']);
	if (!filename)
		throw new UploadRefusedError({ reason: 'Name the file with ?filename= (at most 200 characters, no folders).' });
	const type = mediaType(request.headers['content-type']);
	if (!uploadTypes.has(type))
		throw new UploadRefusedError({
			reason: `Files of type "${type || 'unknown'}" cannot be attached. Send images, PDF, text or office documents.`,
		});
	const declared = Number(request.headers['content-length']);
	if (Number.isFinite(declared) && declared > limit) throw new UploadTooLargeError({ limit });
	return { filename, type };
}

/** Stores the request's body with `store`; a body past `limit` is refused as too large, whatever `store` did. */
export async function storeUploadBody<T>(
	request: Request,
	response: Response,
	limit: number,
	store: (body: Readable) => Promise<T>,
): Promise<T> {
	// A body without Content-Length (chunked) is measured as it arrives.
	const body = request.pipe(new ByteLimit(limit));
	return store(body).catch((error: unknown) => {
		if (!body.truncated) throw error;
		// The rest of the body is dropped; the connection closes after the answer, so it cannot go on forever.
		response.setHeader('Connection', 'close');
		throw new UploadTooLargeError({ limit });
	});
}
