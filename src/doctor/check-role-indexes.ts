import type { RoleIndex } from '../data-map/role-indexes.ts';
import type { Finding } from './finding.ts';

/** Columns the portal filters or sorts by with no index: slow lists as the table grows, not a leak, so a warning. */
export function checkRoleIndexes(missing: readonly RoleIndex[]): Finding[] {
	if (missing.length === 0) return [];
	const columns = missing.map(({ collection, column }) => `${collection}.${column}`).join(', ');
	return [
		{
			id: 'data-map-unindexed',
			severity: 'warning',
			problem: `The portal filters or sorts by ${columns}, which no index leads with: contacts’ lists read the whole table, slower as it grows.`,
			fix: 'Save the data map again on the Data map page: the portal adds an index of its own to each (portal_ix_…), and an uninstall removes them. Or add your own index on each.',
		},
	];
}
