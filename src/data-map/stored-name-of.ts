import type { DataMap } from './data-map.ts';
import { roleTarget } from './role-target.ts';
import { type FixedTarget, type ObjectName, objectSpecs, type RoleSpec } from './object-specs.ts';

/** Where a field the portal app names by its bundled name is stored under a map, and what it leads to. */
export interface StoredName {
	role: string;
	/** The stored field, or a chain of them for a path role (`site.account`). */
	stored: string[];
	/** The object (or fixed collection) a relation leads to; null for a plain field. */
	leadsTo: ObjectName | FixedTarget | null;
	spec: RoleSpec;
}

/**
 * The stored name of the field the portal app calls `name` on `object` (the app speaks the bundled schema's
 * names): null when no role has that name, or when `map` leaves the role (or the object) unmapped.
 */
export function storedNameOf(map: DataMap, object: ObjectName, name: string): StoredName | null {
	const mapped = map[object];
	if (!mapped) return null;
	const roles = objectSpecs[object].roles as Readonly<Record<string, RoleSpec>>;
	const role = Object.keys(roles).find((candidate) => roles[candidate]?.bundled === name);
	const spec = role === undefined ? undefined : roles[role];
	if (role === undefined || !spec) return null;
	const stored = (mapped.fields as Readonly<Record<string, string | null>>)[role] ?? null;
	if (stored === null) return null;
	const leadsTo = roleTarget(spec);
	return { role, stored: stored.split('.'), leadsTo, spec };
}
