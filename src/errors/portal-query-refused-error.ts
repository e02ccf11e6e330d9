import { createError } from '@directus/errors';

export interface PortalQueryRefusedErrorExtensions {
	/** Where in the query, e.g. `filter.comments.body`. */
	path: string;
	reason: string;
}

/**
 * A portal user's query that could test rows the user may not read: Directus applies a related
 * collection's row rules only inside `_some` / `_none` (directus/directus#15437), so the portal refuses
 * every other way through a relation instead of letting it answer.
 */
export const PortalQueryRefusedError = createError<PortalQueryRefusedErrorExtensions>(
	'PORTAL_QUERY_REFUSED',
	({ path, reason }) => `The query is not available in the portal at "${path}": ${reason}`,
	400,
);
