import type { RelationFacts, SchemaFacts } from './schema-facts.ts';

/** The relation whose many side is this field (a many-to-one, or a many-to-any when it names no collection). */
export function relationFrom(facts: SchemaFacts, collection: string, field: string): RelationFacts | undefined {
	return facts.relations.find((relation) => relation.collection === collection && relation.field === field);
}
