/**
 * The leak oracle on a team's own collections (a data map other than the bundled one). The oracle speaks the
 * bundled help desk's names; here its world, its reference model and its requests are laid onto the map:
 * - `worldOnMap`: the world without the objects the map leaves out, and without the values of roles it leaves out;
 * - `accessOnMap`: what the reference model lets a contact read, cut to what the map has;
 * - `appAnswer`: each answer to a request translated to the stored names (`toStoredRequest`, as the portal app's
 *   are) back in the oracle's names, and every field an answer carries that plays no role
 *   reported: the translation must never hide a field Directus should not have given.
 * The outsider's questions about the stored schema itself (its own relations and fields that play no role) are
 * asked in stored names by `check-stored-schema.ts`.
 */
import type { DataMap } from '../../src/data-map/data-map.ts';
import { isObjectName } from '../../src/data-map/is-object-name.ts';
import { type ObjectName, objectSpecs, type RoleSpec } from '../../src/data-map/object-specs.ts';
import { roleTarget } from '../../src/data-map/role-target.ts';
import { storedNameOf } from '../../src/data-map/stored-name-of.ts';
import { fromStoredAnswer } from '../../src/data-map/from-stored-answer.ts';
import { objectOfBundled } from '../../src/data-map/to-stored-request.ts';
import type { ContactAccess, Readable, WriteRequest, WriteVerdict } from './reference-model.ts';
import type { World } from './world.ts';

const rolesOf = (object: ObjectName) => objectSpecs[object].roles as Readonly<Record<string, RoleSpec>>;

/** The stored fields that play a role of `object` under `map`, each with the role's spec (a path role by its first field). */
export function storedRoleFields(map: DataMap, object: ObjectName): Map<string, RoleSpec & { chained: boolean }> {
	const fields = new Map<string, RoleSpec & { chained: boolean }>();
	const mapped = map[object];
	if (!mapped) return fields;
	for (const [role, spec] of Object.entries(rolesOf(object))) {
		const stored = (mapped.fields as Readonly<Record<string, string | null>>)[role] ?? null;
		if (stored !== null) fields.set(stored.split('.')[0] as string, { ...spec, chained: stored.includes('.') });
	}
	return fields;
}

/** Whether `map` has the field the oracle calls `field` on the collection it calls `collection`. */
export function hasField(map: DataMap, collection: string, field: string): boolean {
	const object = objectOfBundled(collection);
	return object === null || storedNameOf(map, object, field) !== null;
}

/**
 * `world` as it can be on `map`: no rows for an object the map leaves out (nor files, where no attachments are
 * mapped), and null for every value a row holds in a field the map does not have (a ticket's priority, a
 * contact's location: the stored schema cannot hold them, so the model must not count on them).
 */
export function worldOnMap(world: World, map: DataMap): World {
	const result: World = { ...world };
	for (const [collection, rows] of Object.entries(world)) {
		if (!Array.isArray(rows)) continue;
		const object = objectOfBundled(collection);
		if (object === null) continue;
		const kept = map[object]
			? (rows as Record<string, unknown>[]).map((row) =>
					Object.fromEntries(
						Object.entries(row).map(([field, value]) => [
							field,
							hasField(map, collection, field) || bookkeeping.has(field) ? value : null,
						]),
					),
				)
			: [];
		(result as unknown as Record<string, unknown>)[collection] = kept;
	}
	if (!map.ticket_attachments && !map.project_attachments) result.directus_files = [];
	return result;
}

/** Fields of world rows that are the oracle's own bookkeeping, not stored. */
const bookkeeping = new Set(['login']);

/** What `access` lets the contact read, as far as `map` has it: nothing of an object left out, only mapped fields. */
export function accessOnMap(access: ContactAccess, map: DataMap): ContactAccess {
	const reads = { ...access.reads };
	for (const [collection, readable] of Object.entries(access.reads) as [keyof ContactAccess['reads'], Readable][]) {
		const object = objectOfBundled(collection);
		if (object === null) continue;
		const keep = (field: string) => hasField(map, collection, field);
		reads[collection] = map[object]
			? {
					ids: readable.ids,
					fields: new Set([...readable.fields].filter(keep)),
					tolerated: new Map([...readable.tolerated].map(([id, fields]) => [id, new Set([...fields].filter(keep))])),
				}
			: { ids: new Set(), fields: new Set(), tolerated: new Map() };
	}
	return { ...access, reads };
}

/** Every stored field in `row` (and the related rows in it) that plays no role of `object`: `collection.field`. */
export function strayFields(map: DataMap, object: ObjectName, row: unknown): string[] {
	if (typeof row !== 'object' || row === null) return [];
	const roles = storedRoleFields(map, object);
	const collection = map[object]?.collection ?? object;
	const strays: string[] = [];
	for (const [field, value] of Object.entries(row)) {
		const spec = roles.get(field);
		if (!spec) {
			strays.push(`${collection}.${field}`);
			continue;
		}
		// A chain (`site.account`) passes through a collection the map does not name: not followed.
		const target = spec.chained ? null : roleTarget(spec);
		if (!isObjectName(target)) continue;
		for (const entry of [value].flat()) strays.push(...strayFields(map, target, entry));
	}
	return strays;
}

/** Directus's answer (stored names) in the oracle's names; what plays no role is given to `stray` first. */
export function appAnswer(
	map: DataMap,
	object: ObjectName,
	storedPath: string,
	json: unknown,
	stray: (fields: string[]) => void,
): unknown {
	const aggregate = storedPath.includes('aggregate');
	if (!aggregate && typeof json === 'object' && json !== null && 'data' in json) {
		const found = [(json as { data: unknown }).data].flat().flatMap((row) => strayFields(map, object, row));
		if (found.length > 0) stray([...new Set(found)]);
	}
	return fromStoredAnswer(map, object, storedPath, json);
}

/**
 * A write probe as it can be asked on `map`, with the model's verdict cut to it: null when the request sets a field
 * the map does not have (the stored schema cannot say it); refused where the map has no such object (the request
 * reaches a collection the portal does not use); otherwise the verdict without expectations of fields the map lacks.
 */
export function writeOnMap(map: DataMap, request: WriteRequest, verdict: WriteVerdict): WriteVerdict | null {
	const object = objectOfBundled(request.collection);
	if (object !== null && !map[object]) return { outcome: 'refused', reason: `the data map has no ${object}` };
	if (Object.keys(request.data).some((field) => !hasField(map, request.collection, field))) return null;
	if (verdict.outcome === 'refused') return verdict;
	const expect = Object.fromEntries(
		Object.entries(verdict.expect).filter(([field]) => hasField(map, request.collection, field)),
	);
	return { ...verdict, expect };
}
