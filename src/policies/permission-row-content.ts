import { canonicalJson } from '../directus/canonical-json.ts';

export interface PermissionRowContentFields {
	permissions?: unknown;
	validation?: unknown;
	presets?: unknown;
	fields?: unknown;
}

/** What a permission row grants, as one string: two rows grant the same exactly when these are equal (key order and absent values do not count). */
export function permissionRowContent(row: PermissionRowContentFields): string {
	return canonicalJson([row.permissions ?? null, row.validation ?? null, row.presets ?? null, row.fields ?? null]);
}
