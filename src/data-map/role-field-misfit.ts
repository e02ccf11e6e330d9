import { describeField } from './describe-field.ts';
import { isProtectedField } from './is-protected-field.ts';
import type { RoleKind } from './object-specs.ts';
import { relationFrom } from './relation-from.ts';
import type { FieldFacts, SchemaFacts } from './schema-facts.ts';

/** The Directus types that fit each plain kind of role, and the kind in words. */
const fittingTypes = {
	text: { types: ['string', 'text', 'uuid'], words: 'a string or text field' },
	boolean: { types: ['boolean'], words: 'a boolean field' },
	number: { types: ['integer', 'bigInteger', 'float', 'decimal'], words: 'a number field' },
	date: { types: ['date', 'dateTime', 'timestamp'], words: 'a date, date-time or timestamp field' },
	list: { types: ['csv', 'json'], words: 'a CSV or JSON list' },
} as const;

/** A role's field, with the collections its kind must reach already resolved through the map. */
export interface RoleAtField {
	role: string;
	/** The role's kind; for a relation, the collection it must reach (`to`), or list and through which field (`of`, `via`). */
	kind:
		| Exclude<RoleKind, { kind: 'm2o' | 'o2m' | 'path' }>
		| { kind: 'm2o'; to: string; self: boolean }
		| { kind: 'o2m'; of: string; via: string };
	collection: string;
	field: string;
}

/**
 * Why an existing field does not fit the kind of the role it is named for, or null when it fits: a protected
 * field never fits; a key is the primary key; a plain kind is one of its types; a many-to-one leads to its
 * collection; a one-to-many is the alias listing the `of` collection's rows through `via`.
 */
export function roleFieldMisfit(facts: SchemaFacts, at: RoleAtField, fieldFacts: FieldFacts): string | null {
	const subject = `field \`${at.field}\` of \`${at.collection}\``;
	if (isProtectedField(fieldFacts)) {
		return `${subject} is protected (hashed or concealed); a data map never points at a protected field.`;
	}
	const words = at.role.replaceAll('_', ' ');
	const noun = `the ${words} ${at.kind.kind === 'o2m' ? 'alias' : 'field'}`;
	const described = () => describeField(facts, at.collection, at.field);
	switch (at.kind.kind) {
		case 'key': {
			const primary = facts.collections[at.collection]?.primary;
			return at.field === primary ? null : `${subject} is not its primary key (\`${primary}\` is); ${noun} must be.`;
		}
		case 'm2o': {
			const related = relationFrom(facts, at.collection, at.field)?.related_collection;
			const wanted = at.kind.self
				? `a many-to-one from \`${at.collection}\` to itself`
				: `a many-to-one to \`${at.kind.to}\``;
			if (!related) return `${subject} is ${described()}; ${noun} must be ${wanted}.`;
			return related === at.kind.to ? null : `${subject} leads to \`${related}\`; ${noun} must be ${wanted}.`;
		}
		case 'o2m': {
			const { of, via } = at.kind;
			const relation = facts.relations.find(
				(relation) => relation.related_collection === at.collection && relation.meta?.one_field === at.field,
			);
			const wanted = `list the rows of \`${of}\` through their field \`${via}\``;
			if (!relation) return `${subject} is ${described()}, not a one-to-many; ${noun} must ${wanted}.`;
			if (relation.collection === of && relation.field === via) return null;
			return `${subject} lists the rows of \`${relation.collection}\` through \`${relation.field}\`; ${noun} must ${wanted}.`;
		}
		default: {
			const { types, words: kindWords } = fittingTypes[at.kind.kind];
			return (types as readonly string[]).includes(fieldFacts.type)
				? null
				: `${subject} is ${described()}; ${noun} must be ${kindWords}.`;
		}
	}
}
