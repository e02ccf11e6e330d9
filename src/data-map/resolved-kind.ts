import type { DataMap, ObjectMap } from './data-map.ts';
import { isObjectName } from './is-object-name.ts';
import type { ObjectName, RoleSpec } from './object-specs.ts';
import type { RoleAtField } from './role-field-misfit.ts';

/** A role's kind with the objects it names replaced by their collections in this map (empty where unmapped). */
export function resolvedKind(
	map: DataMap,
	object: ObjectName,
	spec: Exclude<RoleSpec, { kind: 'path' }>,
): RoleAtField['kind'] {
	switch (spec.kind) {
		case 'm2o':
			return {
				kind: 'm2o',
				to: isObjectName(spec.to) ? (map[spec.to]?.collection ?? '') : spec.to,
				self: spec.to === object,
			};
		case 'o2m': {
			const of: ObjectMap | null = map[spec.of];
			return {
				kind: 'o2m',
				of: of?.collection ?? '',
				via: (of?.fields as Record<string, string | null> | undefined)?.[spec.via] ?? '',
			};
		}
		default:
			return { kind: spec.kind };
	}
}
