import type { DataMap, ObjectMap } from './data-map.ts';
import { isObjectName } from './is-object-name.ts';
import type { RoleSpec } from './object-specs.ts';

/** The collection an added many-to-one relates to: its object's collection in `map`, or the fixed one it names. */
export function addedRelationTarget(map: DataMap, spec: Extract<RoleSpec, { kind: 'm2o' }>): string | null {
	return isObjectName(spec.to) ? ((map[spec.to] as ObjectMap | null)?.collection ?? null) : spec.to;
}
