/**
 * The names the bundled help-desk collections are created under. A team whose Directus already has a
 * `contacts` or `tickets` of its own chooses other names for the portal's (`PORTAL_COLLECTION_NAMES`,
 * read at the first install and recorded in the install ledger, so later starts keep them whatever the
 * environment says). The product then runs on the bundled map under those names, stored as its data map.
 */
import type { Snapshot } from '@directus/types';
import { bundledDataMap, type DataMap } from '../data-map/data-map.ts';
import { objectNames, objectSpecs } from '../data-map/object-specs.ts';

/** Bundled name → the name it is created under; only the renamed ones. */
export type CollectionNames = Readonly<Record<string, string>>;

/** The bundled collections that may be created under another name: those playing an object of the portal's model. */
export const renameableCollections: readonly string[] = objectNames.map((name) => objectSpecs[name].bundled);

/** Lowercase (PostgreSQL folds names) and short enough for the constraint and index names built from it. */
const namePattern = /^[a-z][a-z0-9_]{0,39}$/;

export const collectionNamesVariable = 'PORTAL_COLLECTION_NAMES';

/**
 * Reads `contacts:client_contacts, tickets:support_tickets`. Refuses, naming the pair and why, a name that is not
 * a bundled collection's, a new name that is not a plain lowercase name, that is Directus's, that one of the
 * product's collections has (in the snapshot `productCollections`), or that two collections would share.
 */
export function parseCollectionNames(
	value: unknown,
	productCollections: readonly string[],
): { names: CollectionNames } | { problem: string } {
	if (value === undefined || value === null || String(value).trim() === '') return { names: {} };
	const names: Record<string, string> = {};
	const taken = new Set<string>();
	for (const pair of String(value).split(',')) {
		const [from = '', to, ...rest] = pair.split(':').map((part) => part.trim());
		if (to === undefined || rest.length > 0)
			return { problem: `"${pair.trim()}" is not a pair "bundled name:new name"` };
		if (!renameableCollections.includes(from))
			return {
				problem: `"${from}" is not one of the help desk's collections (${renameableCollections.join(', ')})`,
			};
		if (!namePattern.test(to))
			return {
				problem: `"${to}" (for ${from}) is not a plain name: lowercase letters, digits and _, starting with a letter, at most 40`,
			};
		if (to.startsWith('directus_')) return { problem: `"${to}" (for ${from}) is a name of Directus's own` };
		if (productCollections.includes(to)) return { problem: `"${to}" (for ${from}) is a collection of the portal's` };
		if (from in names) return { problem: `${from} is named twice` };
		if (taken.has(to)) return { problem: `"${to}" is chosen for two collections` };
		names[from] = to;
		taken.add(to);
	}
	return { names };
}

/** The name `collection` has on this install. */
export function installedName(collection: string, names: CollectionNames): string {
	return names[collection] ?? collection;
}

/** `contacts:client_contacts,…` as the ledger and messages write it; '' when nothing is renamed. */
export function formatCollectionNames(names: CollectionNames): string {
	return Object.entries(names)
		.map(([from, to]) => `${from}:${to}`)
		.join(',');
}

/** `snapshot` with the collections of `names` under their new names: wherever a collection is named, and the constraints named after them. */
export function renameCollections(snapshot: Snapshot, names: CollectionNames): Snapshot {
	if (Object.keys(names).length === 0) return snapshot;
	const renamed = structuredClone(snapshot);
	const to = (name: string | null | undefined) => (name ? installedName(name, names) : name);
	for (const collection of renamed.collections) {
		collection.collection = to(collection.collection)!;
		if (collection.meta) collection.meta.collection = to(collection.meta.collection)!;
		if (collection.schema) collection.schema.name = to(collection.schema.name)!;
	}
	for (const field of renamed.fields) {
		field.collection = to(field.collection)!;
		if (field.meta) field.meta.collection = to(field.meta.collection)!;
		if (field.schema) {
			field.schema.table = to(field.schema.table)!;
			field.schema.foreign_key_table = to(field.schema.foreign_key_table) ?? null;
		}
	}
	for (const relation of renamed.relations) {
		const table = relation.collection;
		relation.collection = to(relation.collection)!;
		relation.related_collection = to(relation.related_collection) ?? null;
		if (relation.meta) {
			relation.meta.many_collection = to(relation.meta.many_collection)!;
			relation.meta.one_collection = to(relation.meta.one_collection) ?? null;
			relation.meta.one_allowed_collections = relation.meta.one_allowed_collections?.map((name) => to(name)!) ?? null;
		}
		if (relation.schema) {
			relation.schema.table = to(relation.schema.table)!;
			relation.schema.foreign_key_table = to(relation.schema.foreign_key_table)!;
			// Directus names a foreign key after its table; PostgreSQL wants constraint names unique per table only,
			// but the team's table of the bundled name may hold the same one.
			const constraint = relation.schema.constraint_name;
			if (constraint?.startsWith(`${table}_`) && table in names)
				relation.schema.constraint_name = `${names[table]}${constraint.slice(table.length)}`;
		}
	}
	return renamed;
}

/** The bundled map with its collections under their names on this install. */
export function bundledDataMapUnder(names: CollectionNames): DataMap {
	const map = bundledDataMap();
	for (const object of objectNames) {
		const objectMap = map[object];
		if (objectMap) objectMap.collection = installedName(objectMap.collection, names);
	}
	return map;
}
