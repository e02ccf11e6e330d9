import type { RequiredColumns } from '../database/missing-columns.ts';

/** The columns badges live in: the rules read them, so the doctor keeps the portal closed without them. */
export const customerBadgeColumns: RequiredColumns = {
	customers: ['portal_badge'],
	directus_policies: ['portal_tree_path'],
};
