import type { DataMap } from './data-map.ts';
import { type ObjectName, objectNames, objectSpecs } from './object-specs.ts';
import { type AppQuery, toStoredQuery } from './to-stored-query.ts';
import { toStoredPayload } from './to-stored-payload.ts';
import { toStoredPath } from './to-stored-path.ts';
import { productRelations } from './product-relations.ts';

/** The objects a product collection's many-to-ones lead to, by field (null: not one of those collections). */
function relationsOfProduct(collection: string): Record<string, ObjectName> | null {
	const fields = productRelations.filter((relation) => relation.collection === collection);
	return fields.length === 0 ? null : Object.fromEntries(fields.map((relation) => [relation.field, relation.role]));
}

/** A query of a product collection: its own names kept, what goes through a relation to an object translated. */
function toStoredProductQuery(map: DataMap, relations: Record<string, ObjectName>, query: AppQuery): AppQuery {
	const path = (field: string): string | null => {
		const descending = field.startsWith('-');
		const [head = '', ...rest] = (descending ? field.slice(1) : field).split('.');
		const object = relations[head];
		if (!object || rest.length === 0) return field;
		const stored = toStoredPath(map, object, rest);
		return stored === null ? null : `${descending ? '-' : ''}${[head, ...stored].join('.')}`;
	};
	const paths = (list: readonly string[] | undefined) =>
		list?.map(path).filter((field): field is string => field !== null);
	const filter = (value: Record<string, unknown>): Record<string, unknown> =>
		Object.fromEntries(
			Object.entries(value).map(([key, inner]) => {
				if ((key === '_and' || key === '_or') && Array.isArray(inner))
					return [key, inner.map((entry) => filter(entry as Record<string, unknown>))];
				const object = relations[key];
				const nested =
					typeof inner === 'object' && inner !== null && Object.keys(inner).some((name) => !name.startsWith('_'));
				return object && nested
					? [key, toStoredQuery(map, object, { filter: inner as Record<string, unknown> }).filter ?? {}]
					: [key, inner];
			}),
		);
	return {
		...query,
		...(query.fields ? { fields: paths(query.fields) } : {}),
		...(query.sort ? { sort: paths(query.sort) } : {}),
		...(query.groupBy ? { groupBy: paths(query.groupBy) } : {}),
		...(query.filter ? { filter: filter(query.filter) } : {}),
	};
}

/** The object the portal means by a collection of the bundled schema's. */
export function objectOfBundled(collection: string): ObjectName | null {
	return objectNames.find((name) => objectSpecs[name].bundled === collection) ?? null;
}

/** A query string's parameters as Directus reads them: `filter[a][_eq]=1` and `filter={"a":…}` alike, `groupBy[]=b`. */
export function queryOf(search: URLSearchParams): Record<string, unknown> {
	const query: Record<string, unknown> = {};
	for (const [key, value] of search) {
		const [head = '', ...rest] = key.split('[');
		const path = [head, ...rest.map((segment) => segment.replace(/\]$/, ''))];
		let node: Record<string, unknown> | unknown[] = query;
		path.forEach((segment, index) => {
			if (Array.isArray(node)) {
				if (index === path.length - 1) node.push(value);
				return;
			}
			if (index === path.length - 1) {
				node[segment] = rest.length === 0 && (head === 'filter' || head === 'deep') ? JSON.parse(value) : value;
				return;
			}
			node[segment] ??= path[index + 1] === '' ? [] : {};
			node = node[segment] as Record<string, unknown> | unknown[];
		});
	}
	return query;
}

/** `_in: "1,2"` from a query string is a list to Directus; in a JSON filter it must be one. */
function listsSplit(filter: unknown): unknown {
	if (Array.isArray(filter)) return filter.map(listsSplit);
	if (typeof filter !== 'object' || filter === null) return filter;
	return Object.fromEntries(
		Object.entries(filter).map(([key, value]) => [
			key,
			(key === '_in' || key === '_nin') && typeof value === 'string' ? value.split(',') : listsSplit(value),
		]),
	);
}

const lists = (value: unknown): string[] =>
	(Array.isArray(value) ? value.map(String) : String(value).split(',')).filter((entry) => entry !== '');

/**
 * A REST request the portal makes in the bundled schema's names (`/items/tickets?fields=…&filter[…]…`, a JSON
 * body) as `map` stores things: the collection, every parameter naming fields (`toStoredQuery`), the body
 * (`toStoredPayload`); filters and deep queries as JSON. `object` is null, and nothing changes, for anything but
 * `/items/<an object the map has>`.
 */
export function toStoredRequest(
	map: DataMap,
	path: string,
	body?: unknown,
): { path: string; body: unknown; object: ObjectName | null; product?: string } {
	const url = new URL(path, 'http://portal.invalid');
	const match = /^(.*\/items\/)([^/]+)(\/.*)?$/.exec(url.pathname);
	const collection = match ? decodeURIComponent(match[2] as string) : '';
	const object = objectOfBundled(collection);
	const mapped = object ? map[object] : null;
	const product = relationsOfProduct(collection);
	if (!match || ((!object || !mapped) && !product)) return { path, body, object: null };

	const query: AppQuery = {};
	const rest = new URLSearchParams();
	for (const [key, value] of Object.entries(queryOf(url.searchParams))) {
		if (key === 'fields' || key === 'sort' || key === 'groupBy') query[key] = lists(value);
		else if (key === 'filter' || key === 'deep') query[key] = listsSplit(value) as Record<string, unknown>;
		else if (key === 'aggregate' && typeof value === 'object' && value !== null)
			query.aggregate = Object.fromEntries(Object.entries(value).map(([fn, fields]) => [fn, lists(fields)]));
		else rest.set(key, String(value));
	}
	const stored = object && mapped ? toStoredQuery(map, object, query) : toStoredProductQuery(map, product ?? {}, query);
	for (const name of ['fields', 'sort', 'groupBy'] as const)
		if (stored[name]) rest.set(name, (stored[name] as string[]).join(','));
	for (const name of ['filter', 'deep'] as const) if (stored[name]) rest.set(name, JSON.stringify(stored[name]));
	for (const [fn, fields] of Object.entries(stored.aggregate ?? {})) rest.set(`aggregate[${fn}]`, fields.join(','));

	const search = rest.toString();
	const suffix = search ? `?${search}` : '';
	if (!object || !mapped) return { path: `${url.pathname}${suffix}`, body, object: null, product: collection };
	const write = (row: unknown) =>
		typeof row === 'object' && row !== null ? toStoredPayload(map, object, row as Record<string, unknown>) : row;
	return {
		path: `${match[1]}${encodeURIComponent(mapped.collection)}${match[3] ?? ''}${suffix}`,
		body: Array.isArray(body) ? body.map(write) : write(body),
		object,
	};
}
