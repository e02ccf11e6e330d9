import type { DataMap, ObjectMap } from './data-map.ts';
import { isObjectName } from './is-object-name.ts';
import type { RoleSpec } from './object-specs.ts';

/**
 * Why a role must stay unmapped in this map, or null when it may be mapped: the object it reaches is not
 * mapped, or the role it lists through is not.
 */
export function absentCounterpart(map: DataMap, spec: RoleSpec): string | null {
	if ((spec.kind === 'm2o' || spec.kind === 'path') && isObjectName(spec.to) && !map[spec.to]) {
		return `${spec.to} are not mapped`;
	}
	if (spec.kind !== 'o2m') return null;
	const of: ObjectMap | null = map[spec.of];
	if (!of) return `${spec.of} are not mapped`;
	if ((of.fields as Record<string, string | null>)[spec.via] === null) return `${spec.of}.${spec.via} is not mapped`;
	return null;
}
