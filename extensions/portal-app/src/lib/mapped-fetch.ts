/**
 * The app asks Directus for its objects in the bundled help desk's names. Where the portal runs on a team's
 * own collections (a data map, sent with /portal/api/me), each `/items/…` request is translated on its way out
 * (collection, fields, filter, sort, deep, aggregate, body: src/data-map/to-stored-*.ts) and each row on its
 * way back (src/data-map/from-stored-row.ts), so the pages stay as they are. Directus enforces the group's
 * permissions on the translated request as on any other.
 */
import type { DataMap } from '../../../../src/data-map/data-map.ts';
import type { ObjectName } from '../../../../src/data-map/object-specs.ts';
import { fromStoredAnswer } from '../../../../src/data-map/from-stored-answer.ts';
import { toStoredRequest } from '../../../../src/data-map/to-stored-request.ts';

/** The request for `url` (and its body) as `map` stores things; unchanged for anything but `/items/<an object>`. */
export function mappedRequest(
	map: DataMap,
	url: URL,
	init: RequestInit | undefined,
): { url: URL; init: RequestInit | undefined; object: ObjectName | null } {
	const body = typeof init?.body === 'string' && init.body.length > 0 ? (JSON.parse(init.body) as unknown) : undefined;
	const stored = toStoredRequest(map, `${url.pathname}${url.search}`, body);
	if (!stored.object) return { url, init, object: null };
	return {
		url: new URL(stored.path, url),
		init: init && body !== undefined ? { ...init, body: JSON.stringify(stored.body) } : init,
		object: stored.object,
	};
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
		const answer = fromStoredAnswer(
			current,
			request.object,
			`${request.url.pathname}${request.url.search}`,
			await response.json(),
		);
		return new Response(JSON.stringify(answer), {
			status: response.status,
			statusText: response.statusText,
			headers: response.headers,
		});
	};
}
