import { createError } from '@directus/errors';

/** Staff viewing the portal as a contact tried to change something: View as only reads. */
export const ViewAsReadOnlyError = createError(
	'VIEW_AS_READ_ONLY',
	'View as is read-only: staff see the portal as the contact does but cannot change anything in their name.',
	403,
);
