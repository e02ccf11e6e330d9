/** The schema facts a running Directus's portal validates data maps against, for a few collections. */
import type { SchemaFacts } from '../../../src/data-map/schema-facts.ts';
import { type Api, api } from '../directus-under-test.ts';

/**
 * The live facts of `collections` as the Data map page reads them (GET /portal/api/studio/data-map, as an
 * admin): those collections and the relations whose many side is one of them, relations sorted by
 * `collection.field` so that two readings compare whatever order Directus lists them in.
 */
export async function liveSchemaFacts(collections: readonly string[], call: Api = api): Promise<SchemaFacts> {
	const answer = await call<{ schema: SchemaFacts }>('GET', '/portal/api/studio/data-map');
	const schema = answer.body.data?.schema;
	if (answer.status !== 200 || !schema)
		throw new Error(`GET /portal/api/studio/data-map answered ${answer.status}: ${JSON.stringify(answer.body)}`);
	return factsOf(schema, collections);
}

/** `facts` narrowed to `collections` (those it has), relations sorted as `liveSchemaFacts` sorts them. */
export function factsOf(facts: SchemaFacts, collections: readonly string[]): SchemaFacts {
	const key = (relation: SchemaFacts['relations'][number]) => `${relation.collection}.${relation.field}`;
	return {
		collections: Object.fromEntries(
			collections
				.filter((name) => Object.hasOwn(facts.collections, name))
				.map((name) => [name, facts.collections[name]!]),
		),
		relations: facts.relations
			.filter((relation) => collections.includes(relation.collection))
			.sort((a, b) => key(a).localeCompare(key(b))),
	};
}
