/**
 * The app asks Directus for its objects in the bundled help desk's names. Where the portal runs on a team's
 * own collections (a data map, sent with /portal/api/me), each `/items/…` request is translated on its way out
 * (collection, fields, filter, sort, deep, aggregate, body: src/data-map/to-stored-*.ts) and each row on its
 * way back (src/data-map/from-stored-row.ts), so the pages stay as they are. Directus enforces the group's
 * permissions on the translated request as on any other.
 */
import type { DataMap } from '../../../../src/data-map/data-map.ts';
import { type ObjectName, objectNames, objectSpecs } from '../../../../src/data-map/object-specs.ts';
import { fromStoredRow } from '../../../../src/data-map/from-stored-row.ts';
import { type AppQuery, toStoredQuery } from '../../../../src/data-map/to-stored-query.ts';
import { toStoredPayload } from '../../../../src/data-map/to-stored-payload.ts';

/** The object the app means by a bundled collection name. */
function objectOf(collection: string): ObjectName | null {
	return objectNames.find((name) => objectSpecs[name].bundled === collection) ?? null;
}

const listParams = ['fields', 'sort', 'groupBy'] as const;
const jsonParams = ['filter', 'deep'] as const;

/** The request for `url` (and its body) as `map` stores things; unchanged for anything but `/items/<an object>`. */
export function mappedRequest(
	map: DataMap,
	url: URL,
	init: RequestInit | undefined,
): { url: URL; init: RequestInit | undefined; object: ObjectName | null } {
	const match = /^(.*\/items\/)([^/]+)(\/.*)?$/.exec(url.pathname);
	const object = match ? objectOf(decodeURIComponent(match[2] as string)) : null;
	const mapped = object ? map[object] : null;
	if (!match || !object || !mapped) return { url, init, object: null };

	const query: AppQuery = {};
	for (const name of listParams) {
		const value = url.searchParams.get(name);
		if (value !== null) query[name] = value.split(',');
	}
	for (const name of jsonParams) {
		const value = url.searchParams.get(name);
		if (value !== null) query[name] = JSON.parse(value) as Record<string, unknown>;
	}
	const aggregate: Record<string, string[]> = {};
	for (const [key, value] of url.searchParams) {
		const fn = /^aggregate\[(\w+)\]$/.exec(key)?.[1];
		if (fn) aggregate[fn] = value.split(',');
	}
	if (Object.keys(aggregate).length > 0) query.aggregate = aggregate;
	const stored = toStoredQuery(map, object, query);

	const next = new URL(url.toString());
	next.pathname = `${match[1]}${encodeURIComponent(mapped.collection)}${match[3] ?? ''}`;
	for (const name of listParams) if (stored[name]) next.searchParams.set(name, (stored[name] as string[]).join(','));
	for (const name of jsonParams) if (stored[name]) next.searchParams.set(name, JSON.stringify(stored[name]));
	for (const [fn, fields] of Object.entries(stored.aggregate ?? {}))
		next.searchParams.set(`aggregate[${fn}]`, fields.join(','));

	let body = init?.body;
	if (typeof body === 'string' && body.length > 0) {
		const payload = JSON.parse(body) as unknown;
		const write = (row: unknown) =>
			typeof row === 'object' && row !== null ? toStoredPayload(map, object, row as Record<string, unknown>) : row;
		body = JSON.stringify(Array.isArray(payload) ? payload.map(write) : write(payload));
	}
	return { url: next, init: init ? { ...init, body } : init, object };
}

/** Directus's answer for `object` in the app's names: rows translated, an aggregate's answer as it is. */
export function mappedAnswer(map: DataMap, object: ObjectName, url: URL, answer: unknown): unknown {
	if (typeof answer !== 'object' || answer === null || !('data' in answer)) return answer;
	if ([...url.searchParams.keys()].some((key) => key.startsWith('aggregate'))) return answer;
	const read = (row: unknown) =>
		typeof row === 'object' && row !== null ? fromStoredRow(map, object, row as Record<string, unknown>) : row;
	const { data } = answer as { data: unknown };
	return { ...answer, data: Array.isArray(data) ? data.map(read) : read(data) };
}

/** `fetch`, translating `/items/…` requests and answers while `map()` is a map other than the bundled one. */
export function mappedFetch(map: () => DataMap | null, fetcher: typeof fetch): typeof fetch {
	return async (input, init) => {
		const current = map();
		if (!current || typeof input !== 'string') return fetcher(input, init);
		const request = mappedRequest(current, new URL(input), init);
		if (!request.object) return fetcher(input, init);
		const response = await fetcher(request.url.toString(), request.init);
		if (!response.ok || !(response.headers.get('content-type') ?? '').includes('application/json')) return response;
		const answer = mappedAnswer(current, request.object, request.url, await response.json());
		return new Response(JSON.stringify(answer), {
			status: response.status,
			statusText: response.statusText,
			headers: response.headers,
		});
	};
}
