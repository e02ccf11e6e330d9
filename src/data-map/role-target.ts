import type { FixedTarget, ObjectName, RoleKind } from './object-specs.ts';

/** The object (or fixed collection) a role's field leads to: a many-to-one's, a path's or a one-to-many's; null for a plain field. */
export function roleTarget(spec: RoleKind): ObjectName | FixedTarget | null {
	if (spec.kind === 'm2o' || spec.kind === 'path') return spec.to;
	if (spec.kind === 'o2m') return spec.of;
	return null;
}
