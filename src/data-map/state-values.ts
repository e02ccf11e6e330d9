import type { DataMap } from './data-map.ts';
import type { ObjectName } from './object-specs.ts';

/** A role's portal states and the stored values meaning each, under `map`; null for a role that holds no states. */
export function stateValues(map: DataMap, object: ObjectName, role: string): Record<string, string[]> | null {
	const states = map[object]?.states as Readonly<Record<string, Record<string, string[]>>> | undefined;
	return states?.[role] ?? null;
}

/** The stored values meaning the portal states `states` (a value that is no state of the role stays as it is). */
export function storedValuesOf(values: Record<string, string[]>, states: readonly unknown[]): unknown[] {
	return states.flatMap((state) => (typeof state === 'string' && values[state] ? values[state] : [state]));
}

/** The portal state a stored value means (a value no state lists stays as it is). */
export function portalStateOf(values: Record<string, string[]>, stored: unknown): unknown {
	const state = Object.keys(values).find((candidate) => values[candidate]?.includes(String(stored)));
	return state ?? stored;
}
