import type { DataMap, ObjectMap } from '../../src/data-map/data-map.ts';
import type { DataMapAddition } from '../../src/data-map/data-map-problem.ts';
import { objectSpecs, type RoleSpec } from '../../src/data-map/object-specs.ts';
import type { FieldFacts, RelationFacts, SchemaFacts } from '../../src/data-map/schema-facts.ts';

/** Directus's field type for a role the product adds, and the `special` flags it stores it with. */
function addedField(spec: RoleSpec): FieldFacts {
	if (spec.kind === 'key') return { type: 'integer', special: [] };
	if (spec.kind === 'm2o') return { type: spec.to === 'directus_policies' ? 'uuid' : 'integer', special: ['m2o'] };
	if (spec.kind === 'o2m') return { type: 'alias', special: ['o2m'] };
	return { type: 'text', special: [] };
}

/**
 * The schema as it will be once the product has added its own roles' fields for a valid map (`additions`
 * of `validateDataMap`): what a map compiles against once applied, for tests of the compiler. Each
 * added many-to-one relates to the collection its role names; each added alias lists the rows of its
 * object through the role it names.
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
	const specOf = ({ object, role }: DataMapAddition) =>
		(objectSpecs[object].roles as Record<string, RoleSpec>)[role] as RoleSpec;
	for (const addition of additions) {
		const { collection, field } = addition;
		const spec = specOf(addition);
		const target = (collections[collection] ??= { primary: field, fields: {} });
		(target.fields as Record<string, FieldFacts>)[field] = addedField(spec);
		if (spec.kind === 'm2o') {
			const related = spec.to in map ? (map[spec.to as keyof DataMap] as ObjectMap | null)?.collection : spec.to;
			relations.push({ collection, field, related_collection: related ?? null, meta: null });
		}
	}
	// Aliases last: the relation an alias is the other side of may be one of the additions.
	for (const addition of additions) {
		const spec = specOf(addition);
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
