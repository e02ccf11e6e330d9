import type { DataMap } from './data-map.ts';
import type { ObjectName } from './object-specs.ts';
import { isObjectName } from './is-object-name.ts';
import { stateValues } from './state-values.ts';
import { storedNameOf } from './stored-name-of.ts';

/**
 * A row the portal app writes to `object` (bundled names, portal states) as `map` stores it: each field under
 * its stored name, a state as the first stored value meaning it, a related row written along translated for its
 * object. A field the map leaves out, or a path role (a chain is not written through), is left out.
 */
export function toStoredPayload(
	map: DataMap,
	object: ObjectName,
	payload: Record<string, unknown>,
): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(payload)) {
		const found = storedNameOf(map, object, name);
		if (!found || found.stored.length !== 1) continue;
		const [field] = found.stored as [string];
		const states = stateValues(map, object, found.role);
		const related = (entry: unknown) =>
			isObjectName(found.leadsTo) && typeof entry === 'object' && entry !== null && !Array.isArray(entry)
				? toStoredPayload(map, found.leadsTo, entry as Record<string, unknown>)
				: entry;
		if (states && typeof value === 'string') result[field] = states[value]?.[0] ?? value;
		else result[field] = Array.isArray(value) ? value.map(related) : related(value);
	}
	return result;
}
