import type { DataMap } from './data-map.ts';
import { type ObjectName, objectSpecs, type RoleSpec } from './object-specs.ts';
import { fromStoredRow } from './from-stored-row.ts';
import { productRelations } from './product-relations.ts';
import { portalStateOf, stateValues } from './state-values.ts';

/**
 * Directus's answer to a request made of `object` under `map` (`storedPath`, the request as sent: `toStoredRequest`),
 * in the portal's names: rows translated (`fromStoredRow`), an aggregate's groups and results under the portal's
 * names of their fields. Anything but `{ data }` is left as it is.
 */
export function fromStoredAnswer(map: DataMap, object: ObjectName, storedPath: string, answer: unknown): unknown {
	if (typeof answer !== 'object' || answer === null || !('data' in answer)) return answer;
	const url = new URL(storedPath, 'http://portal.invalid');
	const { data } = answer as { data: unknown };
	if ([...url.searchParams.keys()].some((key) => key.startsWith('aggregate'))) {
		const groupBy = url.searchParams.get('groupBy')?.split(',') ?? [];
		if (!Array.isArray(data)) return answer;
		const roles = objectSpecs[object].roles as Readonly<Record<string, RoleSpec>>;
		const roleOf = (stored: string) =>
			Object.entries(map[object]?.fields ?? {}).find(([, field]) => field === stored)?.[0];
		const portalName = (stored: string) => {
			const role = roleOf(stored);
			return (role === undefined ? undefined : roles[role]?.bundled) ?? stored;
		};
		// A group's key under the portal's name, a state as the portal's (two stored values meaning one state stay two groups).
		const group = (key: string, value: unknown): [string, unknown] => {
			const role = roleOf(key);
			const states = role === undefined ? null : stateValues(map, object, role);
			return [portalName(key), states && value !== null ? portalStateOf(states, value) : value];
		};
		// A function's results by field (`count: { uuid: 3 }`) under the portal's names of the fields (`count: { id: 3 }`).
		const results = (value: unknown) =>
			typeof value === 'object' && value !== null && !Array.isArray(value)
				? Object.fromEntries(Object.entries(value).map(([field, result]) => [portalName(field), result]))
				: value;
		const back = (row: Record<string, unknown>) =>
			Object.fromEntries(
				Object.entries(row).map(([key, value]) => (groupBy.includes(key) ? group(key, value) : [key, results(value)])),
			);
		return { ...answer, data: (data as Record<string, unknown>[]).map(back) };
	}
	const read = (row: unknown) =>
		typeof row === 'object' && row !== null ? fromStoredRow(map, object, row as Record<string, unknown>) : row;
	return { ...answer, data: Array.isArray(data) ? data.map(read) : read(data) };
}

/** Directus's answer to a request of a product collection (`productRelations`): rows of objects it relates to, in the portal's names. */
export function fromStoredProductAnswer(map: DataMap, collection: string, answer: unknown): unknown {
	if (typeof answer !== 'object' || answer === null || !('data' in answer)) return answer;
	const relations = productRelations.filter((relation) => relation.collection === collection);
	const read = (row: unknown) => {
		if (typeof row !== 'object' || row === null) return row;
		const result = { ...(row as Record<string, unknown>) };
		for (const { field, role } of relations) {
			const value = result[field];
			if (typeof value === 'object' && value !== null)
				result[field] = fromStoredRow(map, role, value as Record<string, unknown>);
		}
		return result;
	};
	const { data } = answer as { data: unknown };
	return { ...answer, data: Array.isArray(data) ? data.map(read) : read(data) };
}
