/**
 * The data map page's form: the map as an admin edits it (each object's collection and fields, state values
 * as comma-separated text), the map a form stands for, and what each choice offers. The offers come from
 * the validator's own rules (`roleFieldMisfit`, `pathMisfit`), so a select lists exactly the fields a check
 * accepts for the role; the server still validates and compiles whatever is sent.
 */
import { absentCounterpart } from '../../../../src/data-map/absent-counterpart.ts';
import type { DataMap, ObjectMap } from '../../../../src/data-map/data-map.ts';
import type { DataMapProblem } from '../../../../src/data-map/data-map-problem.ts';
import { fieldFactsOf } from '../../../../src/data-map/field-facts-of.ts';
import { isProductObject } from '../../../../src/data-map/is-product-object.ts';
import { isProtectedField } from '../../../../src/data-map/is-protected-field.ts';
import type { ObjectName, ObjectSpec, RoleSpec } from '../../../../src/data-map/object-specs.ts';
import { labelOf } from '../../../../src/i18n/label-of.ts';
import { strings } from '../i18n/strings.ts';
import { pathMisfit } from '../../../../src/data-map/path-misfit.ts';
import { maxPathSteps } from '../../../../src/data-map/read-data-map-shape.ts';
import { resolvedKind } from '../../../../src/data-map/resolved-kind.ts';
import { roleFieldMisfit } from '../../../../src/data-map/role-field-misfit.ts';
import type { SchemaFacts } from '../../../../src/data-map/schema-facts.ts';
import { productFieldName } from '../../../../src/data-map/product-field-name.ts';

/** One of the portal's objects as the server lists them: its name and its spec. */
export type ObjectEntry = ObjectSpec & { name: ObjectName };

export interface ObjectForm {
	/** Null: the object is not used. */
	collection: string | null;
	fields: Record<string, string | null>;
	/** By role holding states, by state: the stored values meaning it, comma-separated. */
	states: Record<string, Record<string, string>>;
}

export type DataMapForm = Record<ObjectName, ObjectForm>;

export interface Choice {
	text: string;
	value: string | null;
}

const roleSpecs = (entry: ObjectEntry) => Object.entries(entry.roles) as [string, RoleSpec][];
const ownFields = (objectMap: ObjectMap | null) => (objectMap?.fields ?? {}) as Record<string, string | null>;

/** The form for a map: every object present, an unused one with the product's names and no fields of the team's. */
export function toDataMapForm(map: DataMap, objects: readonly ObjectEntry[]): DataMapForm {
	const form = {} as DataMapForm;
	for (const entry of objects) {
		const objectMap: ObjectMap | null = map[entry.name];
		// The product keeps its own objects where it always does: only whether they are used changes.
		const collection = objectMap?.collection ?? (isProductObject(entry) ? entry.bundled : null);
		const fields = Object.fromEntries(
			roleSpecs(entry).map(([role, spec]) => {
				const field = ownFields(objectMap)[role] ?? null;
				const product = spec.owner === 'product' ? productFieldName(entry, spec, collection ?? entry.bundled) : null;
				return [role, objectMap ? field : product];
			}),
		);
		const stored = (objectMap?.states ?? {}) as Record<string, Record<string, string[]>>;
		const states = Object.fromEntries(
			Object.entries(entry.states ?? {}).map(([role, byState]) => [
				role,
				Object.fromEntries(
					Object.entries(byState).map(([state, values]) => [state, (stored[role]?.[state] ?? values).join(', ')]),
				),
			]),
		);
		form[entry.name] = { collection, fields, states };
	}
	return form;
}

/** Whether an object takes part: it has a collection, and the object it exists within (if any) takes part too. */
export function isObjectUsed(form: DataMapForm, objects: readonly ObjectEntry[], name: ObjectName): boolean {
	const entry = objects.find((candidate) => candidate.name === name);
	if (!entry || form[name]?.collection == null) return false;
	return entry.within === undefined || isObjectUsed(form, objects, entry.within);
}

/** Comma-separated values as a list: trimmed, none empty. */
const valuesOf = (text: string) =>
	text
		.split(',')
		.map((value) => value.trim())
		.filter((value) => value !== '');

/**
 * The map a form stands for, as the check receives it. Objects not used are null. A role reaching an object
 * that is not used (or listing through a role that is not mapped) is null whatever the form holds: the
 * validator requires it, and the form keeps the field for when the object is used again.
 */
export function dataMapFromForm(form: DataMapForm, objects: readonly ObjectEntry[]): DataMap {
	const map = {} as Record<ObjectName, ObjectMap | null>;
	for (const entry of objects) {
		const objectForm = form[entry.name];
		if (!isObjectUsed(form, objects, entry.name) || objectForm.collection === null) {
			map[entry.name] = null;
			continue;
		}
		const states = Object.fromEntries(
			Object.entries(objectForm.states).map(([role, byState]) => [
				role,
				Object.fromEntries(Object.entries(byState).map(([state, text]) => [state, valuesOf(text)])),
			]),
		);
		map[entry.name] = {
			collection: objectForm.collection,
			fields: { ...objectForm.fields },
			...(entry.states ? { states } : {}),
		} as ObjectMap;
	}
	// Clearing one role can leave another without its counterpart (an alias listing through it): repeat until none changes.
	for (let changed = true; changed;) {
		changed = false;
		for (const entry of objects) {
			const fields = ownFields(map[entry.name]);
			for (const [role, spec] of roleSpecs(entry)) {
				if (fields[role] != null && absentCounterpart(map as DataMap, spec) !== null) {
					fields[role] = null;
					changed = true;
				}
			}
		}
	}
	return map as DataMap;
}

/**
 * The collections an object may live in: the team's own (neither Directus's nor one of `productCollections`, the
 * portal's under the names its install chose), by name.
 */
export function collectionChoices(
	facts: SchemaFacts,
	entry: ObjectEntry,
	productCollections: readonly string[],
): Choice[] {
	const names = Object.keys(facts.collections)
		.filter((name) => !name.startsWith('directus_') && !productCollections.includes(name))
		.sort();
	return [
		...(entry.required ? [] : [{ text: strings.dataMap.notUsed, value: null }]),
		...names.map((name) => ({ text: name, value: name })),
	];
}

/** The fields of the object's collection that fit a role (not a path), by name, as the validator judges them. */
export function fittingFields(
	facts: SchemaFacts,
	map: DataMap,
	name: ObjectName,
	role: string,
	spec: RoleSpec,
): string[] {
	const collection = map[name]?.collection;
	if (!collection || spec.kind === 'path' || !Object.hasOwn(facts.collections, collection)) return [];
	const kind = resolvedKind(map, name, spec);
	return Object.keys(facts.collections[collection]?.fields ?? {})
		.filter((field) => {
			const fieldFacts = fieldFactsOf(facts, collection, field);
			return fieldFacts !== undefined && roleFieldMisfit(facts, { role, kind, collection, field }, fieldFacts) === null;
		})
		.sort();
}

/**
 * What a role's select offers: "Not used" for an optional role, the fitting fields, and the field the map
 * names now when it does not fit (so it shows, marked, until it is changed).
 */
export function fieldChoices(
	facts: SchemaFacts,
	map: DataMap,
	name: ObjectName,
	role: string,
	spec: RoleSpec,
	current: string | null,
): Choice[] {
	const fitting = fittingFields(facts, map, name, role, spec);
	return [
		...(spec.optional ? [{ text: strings.dataMap.notUsed, value: null }] : []),
		...fitting.map((field) => ({ text: field, value: field })),
		...(current !== null && !fitting.includes(current)
			? [{ text: strings.dataMap.doesNotFitField(current), value: current }]
			: []),
	];
}

/**
 * Suggestions for a path role: the chains of many-to-one fields that lead from the object's collection to the
 * target object's (shortest first), then the collection's other many-to-one fields to start a chain from.
 */
export function pathSuggestions(
	facts: SchemaFacts,
	map: DataMap,
	name: ObjectName,
	role: string,
	spec: RoleSpec,
): string[] {
	const from = map[name]?.collection;
	if (!from || spec.kind !== 'path') return [];
	const target = map[spec.to]?.collection ?? '';
	const leading: string[] = [];
	const queue: { here: string; steps: string[]; visited: string[] }[] = [{ here: from, steps: [], visited: [from] }];
	while (queue.length > 0 && leading.length < 20) {
		const { here, steps, visited } = queue.shift() as (typeof queue)[number];
		for (const relation of facts.relations) {
			const next = relation.related_collection;
			if (relation.collection !== here || !next || visited.includes(next)) continue;
			const path = [...steps, relation.field];
			if (next === target) leading.push(path.join('.'));
			else if (path.length < maxPathSteps) queue.push({ here: next, steps: path, visited: [...visited, next] });
		}
	}
	const fits = (path: string) => pathMisfit(facts, { role, collection: from, path }, target) === null;
	const starts = facts.relations
		.filter((relation) => relation.collection === from && relation.related_collection)
		.map((relation) => relation.field)
		.filter((field) => {
			const fieldFacts = fieldFactsOf(facts, from, field);
			return fieldFacts !== undefined && !isProtectedField(fieldFacts);
		})
		.sort();
	return [...new Set([...leading.filter(fits), ...starts])];
}

/**
 * An object's new collection, with its fields guessed anew: each role keeps its field, else takes its
 * bundled name, when that fits on the new collection; the product's roles take the product's names.
 */
export function chooseCollection(
	form: DataMapForm,
	objects: readonly ObjectEntry[],
	facts: SchemaFacts,
	name: ObjectName,
	collection: string | null,
): void {
	const objectForm = form[name];
	const entry = objects.find((candidate) => candidate.name === name);
	objectForm.collection = collection;
	if (!entry || collection === null) return;
	const map = dataMapFromForm(form, objects);
	for (const [role, spec] of roleSpecs(entry)) {
		if (spec.owner === 'product') {
			objectForm.fields[role] = productFieldName(entry, spec, collection);
			continue;
		}
		const fits = (field: string | null): field is string =>
			field !== null &&
			(spec.kind === 'path'
				? pathMisfit(facts, { role, collection, path: field }, map[spec.to]?.collection ?? '') === null
				: fittingFields(facts, map, name, role, spec).includes(field));
		objectForm.fields[role] = [objectForm.fields[role] ?? null, spec.bundled].find(fits) ?? null;
	}
}

/**
 * Problems by where they belong on the page: `object.role` for a role's, `object` for an object's, and ''
 * for the map's as a whole; each message without its `object.role:` prefix, which the place already says.
 */
export function problemsByPlace(problems: readonly DataMapProblem[]): Record<string, string[]> {
	const byPlace: Record<string, string[]> = {};
	for (const problem of problems) {
		const place = problem.role === undefined ? problem.object : `${problem.object}.${problem.role}`;
		const prefix = `${place}: `;
		const message = problem.message.startsWith(prefix) ? problem.message.slice(prefix.length) : problem.message;
		(byPlace[place] ??= []).push(message);
	}
	return byPlace;
}

type SectionName = keyof typeof strings.dataMap.sections;

const sectionOfRoot: Partial<Record<ObjectName, SectionName>> = {
	customers: 'customers',
	contacts: 'customers',
	locations: 'customers',
	tickets: 'tickets',
	projects: 'projects',
	devices: 'devices',
	kb_articles: 'knowledge',
	documents: 'knowledge',
	invoices: 'financials',
	quotes: 'financials',
};

/** The objects grouped for the page, in the order given: each with the object it exists within; any other under "Other". */
export function objectSections(objects: readonly ObjectEntry[]): { title: string; objects: ObjectEntry[] }[] {
	const rootOf = (entry: ObjectEntry): ObjectName => {
		const parent = objects.find((candidate) => candidate.name === entry.within);
		return parent ? rootOf(parent) : entry.name;
	};
	const sections: { title: string; objects: ObjectEntry[] }[] = [];
	for (const entry of objects) {
		const title = strings.dataMap.sections[sectionOfRoot[rootOf(entry)] ?? 'other'];
		const section = sections.find((candidate) => candidate.title === title);
		if (section) section.objects.push(entry);
		else sections.push({ title, objects: [entry] });
	}
	return sections;
}

/** What kind of field a role needs, in the studio's words: "text", "a link to Customers". */
export function roleKindWords(spec: RoleSpec, objects: readonly ObjectEntry[]): string {
	const label = (name: string) => {
		const object = objects.find((entry) => entry.name === name);
		return object ? objectWords(object) : labelOf(strings.dataMap.systemTargets, name);
	};
	const kinds = strings.dataMap.kinds;
	switch (spec.kind) {
		case 'm2o':
			return kinds.m2o(label(spec.to));
		case 'o2m':
			return kinds.o2m(label(spec.of));
		case 'path':
			return kinds.path(label(spec.to));
		default:
			return kinds[spec.kind];
	}
}

/** A role's or a state's name in the studio's words: `visible_to_parent` → "Visible to parent". */
export function nameWords(name: string): string {
	return labelOf(strings.dataMap.names, name);
}

/** An object of the data map in the studio's words. */
export function objectWords(entry: ObjectEntry): string {
	return strings.dataMap.objects[entry.name];
}

/** A problem's words in parts, the names it quotes in backticks (`tickets`) marked as code. */
export function messageParts(message: string): { text: string; code: boolean }[] {
	return message
		.split('`')
		.map((text, index) => ({ text, code: index % 2 === 1 }))
		.filter((part) => part.text !== '');
}
