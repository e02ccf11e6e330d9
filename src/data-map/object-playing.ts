import type { DataMap } from './data-map.ts';
import { type ObjectName, objectNames } from './object-specs.ts';

/**
 * The object `collection` plays in `map`, or null when it plays none: how a hook on every collection's writes
 * (`items.create`, …) tells which of the portal's rules apply, with one read of the map for all of them.
 */
export function objectPlaying(map: DataMap, collection: unknown): ObjectName | null {
	return objectNames.find((name) => map[name] !== null && map[name].collection === collection) ?? null;
}
