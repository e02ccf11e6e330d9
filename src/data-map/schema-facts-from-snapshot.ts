import type { CollectionFacts, RelationFacts, SchemaFacts } from './schema-facts.ts';

/** The parts of a Directus schema snapshot (`directus schema snapshot`, or `Snapshot` of `@directus/types`) the facts come from. */
export interface SchemaSnapshotParts {
	/** Folders (collection groups) have no table: no `schema`. */
	collections: readonly { collection: string; schema?: object | null }[];
	fields: readonly {
		collection: string;
		field: string;
		type: string;
		meta?: { special: readonly string[] | null } | null;
		schema?: { is_primary_key: boolean } | null;
	}[];
	relations: readonly RelationFacts[];
}

/** Directus's own collections a data map may point at; a snapshot holds only the fields added to them, as every Directus has them. */
const systemCollections = ['directus_users', 'directus_files', 'directus_policies'];

/** The facts the data map's validator reads, from a Directus schema snapshot. */
export function schemaFactsFromSnapshot(snapshot: SchemaSnapshotParts): SchemaFacts {
	const collections: Record<string, CollectionFacts> = {};
	// With the fields a snapshot adds to them (the product's aliases on users and files, say).
	for (const name of systemCollections)
		collections[name] = {
			primary: 'id',
			fields: {
				id: { type: 'uuid', special: [] },
				...Object.fromEntries(
					snapshot.fields
						.filter((field) => field.collection === name)
						.map(({ field, type, meta }) => [field, { type, special: [...(meta?.special ?? [])] }]),
				),
			},
		};
	for (const { collection, schema } of snapshot.collections) {
		if (!schema) continue;
		const fields = snapshot.fields.filter((field) => field.collection === collection);
		const primary = fields.find((field) => field.schema?.is_primary_key)?.field;
		if (!primary) throw new Error(`The schema snapshot names no primary key for the collection ${collection}.`);
		collections[collection] = {
			primary,
			fields: Object.fromEntries(
				fields.map(({ field, type, meta }) => [field, { type, special: [...(meta?.special ?? [])] }]),
			),
		};
	}
	return {
		collections,
		relations: snapshot.relations.map((relation) => ({
			collection: relation.collection,
			field: relation.field,
			related_collection: relation.related_collection,
			meta: relation.meta ? { one_field: relation.meta.one_field, junction_field: relation.meta.junction_field } : null,
		})),
	};
}
