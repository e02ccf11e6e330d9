import type { ObjectMap } from './data-map.ts';
import type { ObjectName, RoleName } from './object-specs.ts';

/**
 * The values of `roles` in a row or a payload of the mapped collection, named by role: how the product's
 * logic, written for the portal's model, reads what any mapped collection stores. Roles the row does not
 * hold (or the map leaves unmapped) are left out, so `role in result` says whether a write changes it.
 */
export function byRole<O extends ObjectName>(
	object: ObjectMap<O>,
	row: Readonly<Record<string, unknown>>,
	roles: readonly RoleName<O>[],
): Partial<Record<RoleName<O>, unknown>> {
	const values: Partial<Record<RoleName<O>, unknown>> = {};
	for (const role of roles) {
		const field = object.fields[role];
		if (field !== null && field in row) values[role] = row[field];
	}
	return values;
}
