import { addedRelationTarget } from './added-relation-target.ts';
import { additionSpec } from './addition-spec.ts';
import type { DataMap } from './data-map.ts';
import type { DataMapAddition } from './data-map-problem.ts';
import { fieldFactsOf } from './field-facts-of.ts';
import type { FieldFacts, SchemaFacts } from './schema-facts.ts';

/**
 * Directus's type and `special` flags for a field the product adds for one of its roles (`additions` of
 * `validateDataMap`), as the install creates it and as a schema read back has it: a key is an integer the
 * database numbers; a many-to-one takes the type of the key it points at (an integer, or a uuid for a
 * policy or a person keyed by uuid); a list is an alias; a text is `text`, a flag a boolean.
 */
export function addedFieldFacts(map: DataMap, facts: SchemaFacts, addition: DataMapAddition): FieldFacts {
	const spec = additionSpec(addition);
	switch (spec.kind) {
		case 'key':
			return { type: 'integer', special: [] };
		case 'm2o': {
			const target = addedRelationTarget(map, spec);
			const primary = target ? facts.collections[target]?.primary : undefined;
			const key = target && primary ? fieldFactsOf(facts, target, primary) : undefined;
			return { type: key?.type ?? 'integer', special: ['m2o'] };
		}
		case 'o2m':
			return { type: 'alias', special: ['o2m'] };
		case 'boolean':
			return { type: 'boolean', special: ['cast-boolean'] };
		case 'text':
			return { type: 'text', special: [] };
		default:
			throw new Error(`The product adds no ${spec.kind} field (${addition.object}.${addition.role})`);
	}
}
