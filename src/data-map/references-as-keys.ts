import type { DataMap, ObjectMap } from './data-map.ts';
import { itemKey } from './item-key.ts';
import { type ObjectName, objectNames, objectSpecs, type RoleSpec } from './object-specs.ts';

const isObjectName = (value: unknown): value is ObjectName => objectNames.includes(value as ObjectName);

/**
 * A contact's payload for `object` with every reference written as an object holding only its target's key
 * (`ticket: { id: 5 }`, as Directus's SDK and apps may send a reference) turned into that key (`ticket: 5`), which
 * is what Directus does with it too (it links the row and changes nothing on it). Anything more in the object stays
 * as it is, and the portal's checks refuse it as they refuse a nested write.
 */
export function referencesAsKeys(
	map: DataMap,
	object: ObjectName,
	payload: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
	const written = map[object] as ObjectMap | null;
	const row = { ...payload };
	if (!written) return row;
	for (const [role, spec] of Object.entries(objectSpecs[object].roles as Record<string, RoleSpec>)) {
		if (spec.kind !== 'm2o' || !isObjectName(spec.to)) continue;
		const field = (written.fields as Readonly<Record<string, string | null>>)[role];
		const target = map[spec.to] as ObjectMap | null;
		const value = field ? row[field] : undefined;
		if (!field || !target || typeof value !== 'object' || value === null || Array.isArray(value)) continue;
		const entries = Object.entries(value);
		const key = entries.length === 1 && entries[0]?.[0] === target.fields['id'] ? itemKey(entries[0][1]) : null;
		if (key !== null) row[field] = key;
	}
	return row;
}
