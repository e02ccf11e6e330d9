import type { RoleSpec } from './object-specs.ts';

/**
 * The name a role the product owns takes on a collection: its bundled name on the bundled collection, else
 * `portal_`-prefixed, so that the product's fields on a team's own collection are recognisably the product's.
 */
export function productFieldName(object: { bundled: string }, spec: RoleSpec, collection: string): string {
	return collection === object.bundled || spec.bundled.startsWith('portal_') ? spec.bundled : `portal_${spec.bundled}`;
}
