/**
 * What a portal user may ask of Directus beyond reading rows: filters, sorts, groups, aggregates and
 * `deep` that stay inside rows the user may read.
 *
 * Directus 11 checks a query's *fields* against field permissions, but applies a related collection's
 * *row* rules only inside `_some` / `_none` (a subquery with that collection's rules; directus/directus#15437).
 * Everywhere else a relation in a query is a plain join: `filter[comments][body]` matches internal
 * comments, `sort=customer.name` orders by a customer the user may not read, `count(comments)` counts
 * them. So for a portal user every way through a relation must be one Directus guards, or the query is
 * refused (400) before Directus runs it:
 * - a one-to-many only as `_some` / `_none`, whose inner filter follows the same rules on the related
 *   collection (nested `_some` is a subquery again, with its own rules);
 * - a many-to-one only on its key (`customer: { _eq: 5 }` or `customer: { id: { _eq: 5 } }`): that is the
 *   row's own column, which field permissions already guard;
 * - no relational path in `sort`, `group` or `aggregate`, no `count()` of anything, no `$FOLLOW`.
 * `search` reads only the collection's own fields, and nested `fields` are read with each collection's
 * rules, so both are left to Directus.
 */
import type { Query, SchemaOverview } from '@directus/types';
import { PortalQueryRefusedError } from '../errors/portal-query-refused-error.ts';
import { relationOf } from './relation-of.ts';

type Schema = Pick<SchemaOverview, 'collections' | 'relations'>;
type Filter = Record<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const isOperator = (key: string) => key.startsWith('_');
const functionOf = (name: string) => /^(\w+)\((.*)\)$/.exec(name);

function refuse(path: string[], reason: string): never {
	throw new PortalQueryRefusedError({ path: path.join('.'), reason });
}

export function assertContactQuery(schema: Schema, collection: string, query: Query): void {
	const at = (part: string) => [part];
	if (query.filter) assertFilter(schema, collection, query.filter as Filter, at('filter'));
	if (query.sort)
		assertSort(schema, collection, query.sort, query.aggregate ? Object.keys(query.aggregate) : [], at('sort'));
	for (const field of query.fields ?? []) assertNoCount(field, at('fields'));
	for (const field of query.group ?? []) assertOwnField(schema, collection, field, at('group'));
	for (const fields of Object.values(query.aggregate ?? {})) {
		for (const field of fields ?? []) if (field !== '*') assertOwnField(schema, collection, field, at('aggregate'));
	}
	if (query.deep) assertDeep(schema, collection, query.deep as Record<string, unknown>, at('deep'));
}

function assertNoCount(name: string, path: string[]): void {
	if (/\bcount\(/.test(name))
		refuse([...path, name], 'count() counts related rows whatever their rules; read the rows instead');
}

/** A column of the collection itself, or a function of one (`year(date_created)`); no relation, no count(). */
function assertOwnField(schema: Schema, collection: string, name: string, path: string[]): void {
	assertNoCount(name, path);
	const field = functionOf(name)?.[2] ?? name;
	if (field.includes('.') || relationOf(schema, collection, field)?.kind === 'o2m')
		refuse([...path, name], 'only the collection’s own fields can be used here');
}

function assertSort(schema: Schema, collection: string, sort: string[], aggregates: string[], path: string[]): void {
	for (const entry of sort) {
		const name = entry.replace(/^-/, '');
		// `sort=count` or `sort=sum.total` orders the groups of an aggregate query by its results.
		if (aggregates.includes(name.split('.')[0] ?? '')) continue;
		assertOwnField(schema, collection, name, path);
	}
}

function assertFilter(schema: Schema, collection: string, filter: Filter, path: string[]): void {
	for (const [key, value] of Object.entries(filter)) {
		if (key === '_and' || key === '_or') {
			if (Array.isArray(value))
				value.forEach(
					(part, index) => isObject(part) && assertFilter(schema, collection, part, [...path, key, String(index)]),
				);
			continue;
		}
		// An operator on the field the caller is in: it compares that field's own value.
		if (isOperator(key)) continue;
		assertFilterField(schema, collection, key, value, [...path, key]);
	}
}

function assertFilterField(schema: Schema, collection: string, key: string, value: unknown, path: string[]): void {
	if (key.startsWith('$')) refuse(path, 'a filter may not follow a relation backwards');
	const fn = functionOf(key);
	if (fn) return assertOwnField(schema, collection, key, path.slice(0, -1));
	const [field = key] = key.split(':');
	const relation = relationOf(schema, collection, field);
	if (!relation || !isObject(value)) return;
	if (relation.kind === 'o2m') {
		for (const [inner, condition] of Object.entries(value)) {
			if ((inner === '_some' || inner === '_none') && isObject(condition))
				assertFilter(schema, relation.related as string, condition, [...path, inner]);
			else refuse([...path, inner], `filter through "${field}" with _some or _none, which apply its rules`);
		}
		return;
	}
	const primary = relation.related ? schema.collections[relation.related]?.primary : undefined;
	for (const [inner, condition] of Object.entries(value)) {
		if (isOperator(inner)) continue;
		if (inner === primary && isObject(condition) && Object.keys(condition).every(isOperator)) continue;
		refuse([...path, inner], `a filter through "${field}" may test only its key (the row's own "${field}" value)`);
	}
}

/** `deep` narrows nested collections: each level's `_filter` and `_sort` follow the rules above on that collection. */
function assertDeep(schema: Schema, collection: string, deep: Record<string, unknown>, path: string[]): void {
	for (const [key, nested] of Object.entries(deep)) {
		if (isOperator(key) || !isObject(nested)) continue;
		const [field = key, scope] = key.split(':');
		const relation = relationOf(schema, collection, field);
		const related = relation?.related ?? scope;
		// Directus refuses a deep key that is not a relation; nothing to check here.
		if (!related) continue;
		const at = [...path, key];
		if (isObject(nested['_filter'])) assertFilter(schema, related, nested['_filter'], [...at, '_filter']);
		if (Array.isArray(nested['_sort'])) assertSort(schema, related, nested['_sort'] as string[], [], [...at, '_sort']);
		assertDeep(schema, related, nested, at);
	}
}
