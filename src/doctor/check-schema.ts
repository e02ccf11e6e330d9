import type { Finding } from './finding.ts';

/** What to do about a missing or outdated help-desk schema, wherever the product says so. */
export const applySchemaAdvice =
	'Apply the schema snapshot for your database with "directus schema apply" (schema-snapshot/snapshot.json on SQLite, schema-snapshot/snapshot.postgres.json on PostgreSQL), then restart Directus.';

/**
 * The help-desk schema against what this version's rules read: a column they filter by that the database
 * lacks (an upgrade whose new snapshot was not applied yet) would make every such request fail, or the
 * hierarchy or the ticket followers go unkept, so the portal stays closed until it is there. `missing` is `missingColumns` of
 * `derivedTableColumns` and `customerBadgeColumns`.
 */
export function checkSchema(missing: readonly string[]): Finding[] {
	if (missing.length === 0) return [];
	return [
		{
			id: 'schema-outdated',
			severity: 'critical',
			problem: `The help-desk schema is older than this version of the portal: the database has no ${missing.join(', ')}.`,
			fix: applySchemaAdvice,
		},
	];
}
