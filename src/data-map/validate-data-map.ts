import { absentCounterpart } from './absent-counterpart.ts';
import type { DataMap, ObjectMap } from './data-map.ts';
import type { DataMapAddition, DataMapProblem } from './data-map-problem.ts';
import { fieldFactsOf } from './field-facts-of.ts';
import { isProductObject } from './is-product-object.ts';
import { type ObjectName, objectNames, type ObjectSpec, objectSpecs, type RoleSpec } from './object-specs.ts';
import { pathMisfit } from './path-misfit.ts';
import { readDataMapShape } from './read-data-map-shape.ts';
import { relationFrom } from './relation-from.ts';
import { resolvedKind } from './resolved-kind.ts';
import { roleFieldMisfit } from './role-field-misfit.ts';
import type { SchemaFacts } from './schema-facts.ts';

export interface DataMapValidation {
	/** The map, rebuilt from what was read, when there are no problems; else null. */
	map: DataMap | null;
	problems: DataMapProblem[];
	/** What the product will add to the schema for its own roles; empty when there are problems. */
	additions: DataMapAddition[];
}

/**
 * A data map submitted by staff, checked against one Directus schema: its shape (untrusted input), then
 * object by object that the collection exists and plays one object, and role by role that the field exists
 * and fits the role's kind. Roles the product owns that the schema lacks are not problems but additions.
 * Every problem names the object, the role and the field where it has them, and says why.
 */
export function validateDataMap(input: unknown, facts: SchemaFacts): DataMapValidation {
	const shape = readDataMapShape(input);
	if (!shape.map) return { map: null, problems: shape.problems, additions: [] };
	const map = shape.map;
	const problems: DataMapProblem[] = [];
	const additions: DataMapAddition[] = [];
	const playedBy = new Map<string, ObjectName>();
	for (const object of objectNames) {
		const objectMap: ObjectMap | null = map[object];
		if (!objectMap) continue;
		const spec: ObjectSpec = objectSpecs[object];
		const { collection } = objectMap;
		if (spec.within && !map[spec.within]) {
			const message = `${object}: ${spec.label} can be mapped only when ${spec.within} are; map ${spec.within} or leave ${object} unmapped (null).`;
			problems.push({ object, message });
			continue;
		}
		const other = playedBy.get(collection);
		if (other) {
			problems.push({
				object,
				message: `${object}: \`${collection}\` already plays ${other}; a collection plays one object.`,
			});
			continue;
		}
		playedBy.set(collection, object);
		if (collection.startsWith('directus_')) {
			const message = `${object}: \`${collection}\` is one of Directus’s own collections; the portal’s objects live in the team’s.`;
			problems.push({ object, message });
			continue;
		}
		const exists = Object.hasOwn(facts.collections, collection);
		if (!exists && !isProductObject(spec)) {
			problems.push({ object, message: `${object}: there is no collection \`${collection}\`.` });
			continue;
		}
		const rolesOfField = new Map<string, string>();
		for (const [role, roleSpec] of Object.entries(spec.roles) as [string, RoleSpec][]) {
			const field = (objectMap.fields as Record<string, string | null>)[role] ?? null;
			const at = { object, role, ...(field === null ? {} : { field }) };
			const say = (message: string) => problems.push({ ...at, message: `${object}.${role}: ${message}` });
			const absence = absentCounterpart(map, roleSpec);
			if (absence) {
				if (field !== null) say(`must be null, as ${absence}.`);
				continue;
			}
			if (field === null) {
				if (!roleSpec.optional) say(`no field is named; ${object} need one for this role.`);
				continue;
			}
			// A role on a fixed collection (the contacts alias on users) is looked up there, and added there.
			const home = roleSpec.kind === 'o2m' && roleSpec.on ? roleSpec.on : collection;
			const outcome =
				exists || home !== collection ? fieldOutcome(map, facts, object, home, roleSpec, role, field) : 'missing';
			if (outcome !== 'fits' && outcome !== 'missing') {
				say(outcome.misfit);
				continue;
			}
			// Checked once the fields fit, so that a field of the wrong kind is refused for its kind.
			const earlier = roleSpec.kind === 'path' ? undefined : rolesOfField.get(field);
			if (earlier) {
				say(`field \`${field}\` of \`${collection}\` already plays \`${earlier}\`; a field plays one role.`);
				continue;
			}
			if (roleSpec.kind !== 'path') rolesOfField.set(field, role);
			if (outcome === 'missing') additions.push({ object, role, collection: home, field });
		}
	}
	return problems.length > 0 ? { map: null, problems, additions: [] } : { map, problems, additions };
}

/**
 * How a field named for a role stands on an existing collection: it fits its kind; it is `missing` and the
 * product adds it (a role the product owns); or it does not fit, and why.
 */
function fieldOutcome(
	map: DataMap,
	facts: SchemaFacts,
	object: ObjectName,
	collection: string,
	spec: RoleSpec,
	role: string,
	field: string,
): 'fits' | 'missing' | { misfit: string } {
	if (spec.kind === 'path') {
		const misfit = pathMisfit(facts, { role, collection, path: field }, map[spec.to]?.collection ?? '');
		return misfit ? { misfit } : 'fits';
	}
	const fieldFacts = fieldFactsOf(facts, collection, field);
	if (!fieldFacts) {
		if (spec.owner !== 'product') return { misfit: `\`${collection}\` has no field \`${field}\`.` };
		// An alias is the other side of a relation, which has one: the product cannot add a second.
		const taken = spec.kind === 'o2m' ? takenAlias(map, facts, spec, collection) : null;
		return taken
			? { misfit: `\`${collection}\` already lists them as \`${taken}\`; name that alias here.` }
			: 'missing';
	}
	const misfit = roleFieldMisfit(facts, { role, collection, field, kind: resolvedKind(map, object, spec) }, fieldFacts);
	return misfit ? { misfit } : 'fits';
}
/**
 * The alias the relation behind an alias role already has on `home`, when it has one (a relation that leads
 * elsewhere is its own role's problem).
 */
function takenAlias(
	map: DataMap,
	facts: SchemaFacts,
	spec: Extract<RoleSpec, { kind: 'o2m' }>,
	home: string,
): string | null {
	const of: ObjectMap | null = map[spec.of];
	const via = (of?.fields as Record<string, string | null> | undefined)?.[spec.via];
	const relation = of && via ? relationFrom(facts, of.collection, via) : undefined;
	return relation?.related_collection === home ? (relation.meta?.one_field ?? null) : null;
}
