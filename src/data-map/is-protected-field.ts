import type { FieldFacts } from './schema-facts.ts';

/**
 * A field Directus hides or hashes (a password, a token): a data map may never point a role at one, as
 * whatever the portal reads or writes through the map would bypass the protection.
 */
export function isProtectedField(field: FieldFacts): boolean {
	return field.type === 'hash' || field.special.includes('hash') || field.special.includes('conceal');
}
