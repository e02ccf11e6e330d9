import type { ObjectMap } from './data-map.ts';
import type { ObjectName, RoleName } from './object-specs.ts';

/**
 * A knex select of `roles` under the roles' own names (`{ user: 'directus_user' }`, or
 * `{ user: 'people.directus_user' }` with `table` for a join), so rows read from any mapped collection come
 * back shaped as the bundled one's. Unmapped roles are left out.
 */
export function roleColumns<O extends ObjectName>(
	object: ObjectMap<O>,
	roles: readonly RoleName<O>[],
	table?: string,
): Record<string, string> {
	const columns: Record<string, string> = {};
	for (const role of roles) {
		const field = object.fields[role];
		if (field !== null) columns[String(role)] = table === undefined ? field : `${table}.${field}`;
	}
	return columns;
}
