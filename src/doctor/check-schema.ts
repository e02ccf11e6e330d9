import type { Finding } from './finding.ts';

/** What to do about a missing part of the help-desk schema, wherever the product says so. */
export const missingSchemaAdvice =
	'Restart Directus: at every start the portal adds the parts of its schema that are missing, and changes nothing else.';

/**
 * The help-desk schema against what this version's rules read: a column they filter by that the database
 * lacks (a field staff deleted in the studio) would make every such request fail, or the
 * hierarchy or the ticket followers go unkept, so the portal stays closed until it is there. `missing` is `missingColumns` of
 * `derivedTableColumns` and `customerBadgeColumns`.
 */
export function checkSchema(missing: readonly string[]): Finding[] {
	if (missing.length === 0) return [];
	return [
		{
			id: 'schema-outdated',
			severity: 'critical',
			problem: `Part of the help-desk schema this version of the portal reads is missing: ${missing.join(', ')}.`,
			fix: missingSchemaAdvice,
		},
	];
}
