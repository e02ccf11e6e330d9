import type { FieldFacts, SchemaFacts } from './schema-facts.ts';

/** A field's facts, or undefined when the collection or the field does not exist (names are read as data, never as keys of `Object.prototype`). */
export function fieldFactsOf(facts: SchemaFacts, collection: string, field: string): FieldFacts | undefined {
	if (!Object.hasOwn(facts.collections, collection)) return undefined;
	const fields = facts.collections[collection]?.fields ?? {};
	return Object.hasOwn(fields, field) ? fields[field] : undefined;
}
