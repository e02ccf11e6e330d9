import { createError } from '@directus/errors';

export const UtilsRefusedError = createError(
	'UTILS_REFUSED',
	'Portal users cannot use Directus’s /utils routes (export, import, sort, revert, hashing, cache). The portal’s own pages offer what a contact can do.',
	403,
);
