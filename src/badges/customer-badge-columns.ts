import type { RequiredColumns } from '../database/missing-columns.ts';
import { fieldOf } from '../compiler/mapped-fields.ts';
import type { DataMap } from '../data-map/data-map.ts';

/** The columns badges live in: the rules read them, so the doctor keeps the portal closed without them. */
export function customerBadgeColumns({ customers }: DataMap): RequiredColumns {
	return {
		[customers.collection]: [fieldOf(customers, 'badge')],
		directus_policies: ['portal_tree_path'],
	};
}
