import type { SchemaOverview } from '@directus/types';
import type { CollectionFacts, SchemaFacts } from './schema-facts.ts';

/** The facts the data map's validator reads, from the schema Directus hands to extensions. */
export function schemaFactsFromOverview(schema: SchemaOverview): SchemaFacts {
	const collections: Record<string, CollectionFacts> = {};
	for (const [name, collection] of Object.entries(schema.collections)) {
		collections[name] = {
			primary: collection.primary,
			fields: Object.fromEntries(
				Object.entries(collection.fields).map(([field, facts]) => [
					field,
					{ type: facts.type, special: [...(facts.special ?? [])] },
				]),
			),
		};
	}
	return {
		collections,
		relations: schema.relations.map((relation) => ({
			collection: relation.collection,
			field: relation.field,
			related_collection: relation.related_collection,
			meta: relation.meta ? { one_field: relation.meta.one_field, junction_field: relation.meta.junction_field } : null,
		})),
	};
}
