/** Kept for importers outside the attachments folder; each rule lives in the file named after it. */
export { cleanFileName } from './clean-file-name.ts';
export { mediaType } from './media-type.ts';
export { defaultUploadLimitBytes, uploadLimitFromEnv } from './upload-limit-from-env.ts';
export { uploadTypes } from './upload-types.ts';
