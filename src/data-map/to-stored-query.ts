import type { DataMap } from './data-map.ts';
import type { ObjectName } from './object-specs.ts';
import { isObjectName } from './is-object-name.ts';
import { stateValues, storedValuesOf } from './state-values.ts';
import { storedNameOf } from './stored-name-of.ts';
import { toStoredPath } from './to-stored-path.ts';

type Filter = Record<string, unknown>;

/** A Directus query as the portal app sends it: the parts that name fields, and the rest passed on unchanged. */
export interface AppQuery {
	fields?: string[];
	filter?: Filter;
	sort?: string[];
	deep?: Filter;
	aggregate?: Record<string, string[]>;
	groupBy?: string[];
	[other: string]: unknown;
}

/** Operators whose value is one state or a list of them, and what each becomes over the stored values. */
const stateOperators: Readonly<Record<string, '_in' | '_nin'>> = { _eq: '_in', _neq: '_nin', _in: '_in', _nin: '_nin' };

/**
 * A query the portal app makes of `object` in the bundled schema's names, in the names `map` stores:
 * fields, filter, sort, deep, aggregate and group-by translated, portal states in filters turned into the
 * stored values meaning them. What names a field the map leaves out is dropped (a filter condition on it too:
 * Directus's permissions still bound every row, so a dropped condition widens nothing a contact may not read).
 */
export function toStoredQuery(map: DataMap, object: ObjectName, query: AppQuery): AppQuery {
	const result: AppQuery = { ...query };
	const paths = (list: readonly string[], on: ObjectName = object) =>
		list.flatMap((field) => {
			const stored = toStoredPath(map, on, field.split('.'));
			return stored === null ? [] : [stored.join('.')];
		});
	if (query.fields) result.fields = paths(query.fields);
	if (query.filter) result.filter = toStoredFilter(map, object, query.filter) ?? {};
	if (query.sort) result.sort = sortOn(map, object, query.sort);
	if (query.deep) result.deep = toStoredDeep(map, object, query.deep);
	if (query.groupBy) result.groupBy = paths(query.groupBy);
	if (query.aggregate)
		result.aggregate = Object.fromEntries(
			Object.entries(query.aggregate).map(([fn, fields]) => [
				fn,
				fields.flatMap((field) => (field === '*' ? ['*'] : paths([field]))),
			]),
		);
	return result;
}

function sortOn(map: DataMap, object: ObjectName, sort: readonly string[]): string[] {
	return sort.flatMap((field) => {
		const descending = field.startsWith('-');
		const stored = toStoredPath(map, object, (descending ? field.slice(1) : field).split('.'));
		return stored === null ? [] : [`${descending ? '-' : ''}${stored.join('.')}`];
	});
}

/** Null: nothing of the filter is left. */
function toStoredFilter(map: DataMap, object: ObjectName, filter: Filter): Filter | null {
	const parts: Filter[] = [];
	for (const [key, value] of Object.entries(filter)) {
		if (key === '_and' || key === '_or') {
			const kept = (value as Filter[]).map((entry) => toStoredFilter(map, object, entry));
			// An `_or` missing one of its branches would narrow what the app asked for: the whole `_or` goes.
			if (key === '_or' && kept.some((entry) => entry === null)) continue;
			const left = kept.filter((entry): entry is Filter => entry !== null);
			if (left.length > 0) parts.push({ [key]: left });
			continue;
		}
		// A function of a field (`count(participants)`) filters under the function of the stored field.
		if (/^\w+\(\w+\)$/.test(key)) {
			const stored = toStoredPath(map, object, [key]);
			if (stored) parts.push({ [stored.join('.')]: value });
			continue;
		}
		const found = storedNameOf(map, object, key);
		if (!found || typeof value !== 'object' || value === null) continue;
		const inner: Filter = {};
		const states = stateValues(map, object, found.role);
		for (const [operator, operand] of Object.entries(value as Filter)) {
			if (operator === '_some' || operator === '_none') {
				const nested = isObjectName(found.leadsTo) ? toStoredFilter(map, found.leadsTo, operand as Filter) : null;
				if (nested) inner[operator] = nested;
			} else if (operator.startsWith('_')) {
				const asStates = states ? stateOperators[operator] : undefined;
				if (states && asStates) inner[asStates] = storedValuesOf(states, [operand].flat());
				else inner[operator] = operand;
			} else if (isObjectName(found.leadsTo)) {
				const nested = toStoredFilter(map, found.leadsTo, { [operator]: operand });
				if (nested) Object.assign(inner, nested);
			} else if (found.leadsTo !== null) inner[operator] = operand;
		}
		if (Object.keys(inner).length === 0) continue;
		// A path role's chain nests: `site.account` filters as `{ site: { account: … } }`.
		parts.push(found.stored.reduceRight<Filter>((nested, field) => ({ [field]: nested }), inner));
	}
	if (parts.length === 0) return null;
	return parts.length === 1 ? (parts[0] as Filter) : { _and: parts };
}

function toStoredDeep(map: DataMap, object: ObjectName, deep: Filter): Filter {
	const result: Filter = {};
	for (const [key, value] of Object.entries(deep)) {
		const found = storedNameOf(map, object, key);
		if (!found || !isObjectName(found.leadsTo) || typeof value !== 'object' || value === null) continue;
		const target = found.leadsTo;
		const inner: Filter = {};
		for (const [option, operand] of Object.entries(value as Filter)) {
			if (option === '_filter') {
				const filter = toStoredFilter(map, target, operand as Filter);
				if (filter) inner[option] = filter;
			} else if (option === '_sort') inner[option] = sortOn(map, target, [operand as string[] | string].flat());
			else if (option.startsWith('_')) inner[option] = operand;
			else Object.assign(inner, toStoredDeep(map, target, { [option]: operand }));
		}
		result[found.stored.join('.')] = inner;
	}
	return result;
}
