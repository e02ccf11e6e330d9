import { bundledDataMap } from '../data-map/data-map.ts';
import type { SchemaFacts } from '../data-map/schema-facts.ts';
import { validateDataMap } from '../data-map/validate-data-map.ts';
import { missingSchemaAdvice } from './check-schema.ts';
import type { Finding } from './finding.ts';

/**
 * The data map against the live schema: a mapped field deleted, retyped or related elsewhere in the studio
 * would make the rules read something else or fail, so the portal stays closed and the finding names it.
 * For the bundled help-desk collections, the product's own fields that are missing are `schema-outdated`'s
 * (checkSchema); for a stored map, they are this check's. `stored` is `portal_settings.data_map` as fetched.
 */
export function checkDataMap(stored: unknown, facts: SchemaFacts): Finding[] {
	const isStored = stored !== null;
	const { problems, additions } = validateDataMap(isStored ? stored : bundledDataMap(), facts);
	if (problems.length > 0)
		return [
			{
				id: 'data-map-invalid',
				severity: 'critical',
				problem: `The portal's data map no longer fits this Directus's schema: ${problems.map((problem) => problem.message).join(' ')}`,
				fix: isStored
					? 'Put the named fields back, or open the Data map page of the Customer Portal module, choose fields that fit and save.'
					: 'Put the named fields of the help-desk collections back as they were (a restart adds only the portal’s own parts).',
			},
		];
	if (isStored && additions.length > 0)
		return [
			{
				id: 'data-map-not-installed',
				severity: 'critical',
				problem: `Fields the portal keeps for its data map are missing: ${additions.map(({ collection, field }) => `${collection}.${field}`).join(', ')}.`,
				fix: missingSchemaAdvice,
			},
		];
	return [];
}
