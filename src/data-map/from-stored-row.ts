import type { DataMap } from './data-map.ts';
import { roleTarget } from './role-target.ts';
import { type ObjectName, objectSpecs, type RoleSpec } from './object-specs.ts';
import { isObjectName } from './is-object-name.ts';
import { portalStateOf, stateValues } from './state-values.ts';

/**
 * A row of `object` as Directus answers under `map`, in the portal app's names (the bundled schema's) and
 * portal states: each mapped role's field under its bundled name, a path role's chain (`site.account`)
 * followed to the row it ends at, related rows translated for their objects. Fields that play no role are
 * left out: the app never sees a name it did not ask for.
 */
export function fromStoredRow(map: DataMap, object: ObjectName, row: Record<string, unknown>): Record<string, unknown> {
	const mapped = map[object];
	if (!mapped) return {};
	const result: Record<string, unknown> = {};
	const roles = objectSpecs[object].roles as Readonly<Record<string, RoleSpec>>;
	for (const [role, spec] of Object.entries(roles)) {
		const stored = (mapped.fields as Readonly<Record<string, string | null>>)[role] ?? null;
		if (stored === null) continue;
		let value: unknown = row;
		for (const field of stored.split('.')) {
			value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;
		}
		if (value === undefined) continue;
		const target = roleTarget(spec);
		const related = (entry: unknown) =>
			isObjectName(target) && typeof entry === 'object' && entry !== null
				? fromStoredRow(map, target, entry as Record<string, unknown>)
				: entry;
		const states = stateValues(map, object, role);
		if (states && value !== null) result[spec.bundled] = portalStateOf(states, value);
		else result[spec.bundled] = Array.isArray(value) ? value.map(related) : related(value);
	}
	return result;
}
