import type { ObjectMap } from './data-map.ts';
import type { ObjectName, RoleName } from './object-specs.ts';

/** Values named by role as the mapped collection stores them, for a write or a filter; unmapped roles are left out. */
export function storedAs<O extends ObjectName>(
	object: ObjectMap<O>,
	values: Partial<Record<RoleName<O>, unknown>>,
): Record<string, unknown> {
	const stored: Record<string, unknown> = {};
	for (const [role, value] of Object.entries(values)) {
		const field = object.fields[role as RoleName<O>];
		if (field !== null && field !== undefined) stored[field] = value;
	}
	return stored;
}
