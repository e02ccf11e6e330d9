import { addedFieldFacts } from '../../src/data-map/added-field-facts.ts';
import { addedRelationTarget } from '../../src/data-map/added-relation-target.ts';
import { additionSpec } from '../../src/data-map/addition-spec.ts';
import type { DataMap, ObjectMap } from '../../src/data-map/data-map.ts';
import type { DataMapAddition } from '../../src/data-map/data-map-problem.ts';
import type { FieldFacts, RelationFacts, SchemaFacts } from '../../src/data-map/schema-facts.ts';

/**
 * The schema as it will be once the product has added its own roles' fields for a valid map (`additions`
 * of `validateDataMap`): what a map compiles against once applied, for tests of the compiler. Each field
 * has the type the install gives it (`addedFieldFacts`); each added many-to-one relates to the collection
 * its role names; each added alias lists the rows of its object through the role it names.
 */
export function factsWithAdditions(
	facts: SchemaFacts,
	map: DataMap,
	additions: readonly DataMapAddition[],
): SchemaFacts {
	const collections = Object.fromEntries(
		Object.entries(facts.collections).map(([name, collection]) => [
			name,
			{ ...collection, fields: { ...collection.fields } },
		]),
	);
	const relations: RelationFacts[] = [...facts.relations];
	for (const addition of additions) {
		const { collection, field } = addition;
		const spec = additionSpec(addition);
		const target = (collections[collection] ??= { primary: field, fields: {} });
		(target.fields as Record<string, FieldFacts>)[field] = addedFieldFacts(map, facts, addition);
		if (spec.kind === 'm2o') {
			relations.push({ collection, field, related_collection: addedRelationTarget(map, spec), meta: null });
		}
	}
	// Aliases last: the relation an alias is the other side of may be one of the additions.
	for (const addition of additions) {
		const spec = additionSpec(addition);
		if (spec.kind !== 'o2m') continue;
		const many = map[spec.of] as ObjectMap | null;
		const via = many ? (many.fields as Record<string, string | null>)[spec.via] : null;
		const index = relations.findIndex((relation) => relation.collection === many?.collection && relation.field === via);
		const relation = relations[index];
		if (relation)
			relations[index] = {
				...relation,
				meta: { one_field: addition.field, junction_field: relation.meta?.junction_field ?? null },
			};
	}
	return { collections, relations };
}
