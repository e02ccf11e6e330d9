import type { ObjectSpec, RoleSpec } from './object-specs.ts';

/** An object the portal keeps whole (ticket followers): every role but the key is the product's. */
export function isProductObject(spec: ObjectSpec): boolean {
	return Object.values(spec.roles).every((role: RoleSpec) => role.kind === 'key' || role.owner === 'product');
}
