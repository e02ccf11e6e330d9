/**
 * Directus's API for the module's pages, which speak the bundled help desk's names (customers, contacts): where the
 * portal runs on a team's own collections, each `/items/…` request of an object (and of the invitations and audit,
 * through their relations) is translated to the stored names and its rows read back, as the portal app's are
 * (src/data-map/to-stored-request.ts, from-stored-answer.ts). The map's names come from a staff route, once per
 * studio session, again after an admin saves a map. Anything else goes to Directus as it is.
 */
import { useApi } from '@directus/extensions-sdk';
import type { DataMap } from '../../../../src/data-map/data-map.ts';
import { fromStoredAnswer, fromStoredProductAnswer } from '../../../../src/data-map/from-stored-answer.ts';
import { toStoredRequest } from '../../../../src/data-map/to-stored-request.ts';

let portalMap: Promise<DataMap | null> | null = null;

/** After a map is saved: the next request reads the map's names again. */
export function forgetPortalMap(): void {
	portalMap = null;
}

type Params = Record<string, unknown> | undefined;

/** Axios-style parameters as a query string in Directus's forms (lists joined, filters as JSON). */
function queryOf(params: Params): string {
	const search = new URLSearchParams();
	for (const [key, value] of Object.entries(params ?? {})) {
		if (value === undefined) continue;
		if (key === 'aggregate' && typeof value === 'object' && value !== null)
			for (const [fn, fields] of Object.entries(value)) search.set(`aggregate[${fn}]`, [fields].flat().join(','));
		else if (Array.isArray(value)) search.set(key, value.join(','));
		else if (typeof value === 'object' && value !== null) search.set(key, JSON.stringify(value));
		else search.set(key, String(value));
	}
	return search.toString();
}

export function usePortalApi() {
	const api = useApi();
	const mapNow = () =>
		(portalMap ??= api
			.get<{ data: { map: DataMap | null } }>('/portal/api/studio/map')
			.then((response) => response.data.data.map)
			.catch(() => {
				// Not known yet (the portal closed, a refusal): the bundled names, and ask again next time.
				portalMap = null;
				return null;
			}));

	/** The request as stored, or null where nothing is translated (the bundled map, another collection). */
	async function storedOf(url: string, params: Params, data?: unknown) {
		const map = await mapNow();
		if (!map) return null;
		const query = queryOf(params);
		const stored = toStoredRequest(map, query ? `${url}?${query}` : url, data);
		return stored.object || stored.product ? { map, ...stored } : null;
	}

	function answerOf<T>(stored: NonNullable<Awaited<ReturnType<typeof storedOf>>>, response: { data: unknown }) {
		const answer = stored.object
			? fromStoredAnswer(stored.map, stored.object, stored.path, response.data)
			: fromStoredProductAnswer(stored.map, stored.product as string, response.data);
		return { data: answer as T };
	}

	return {
		/** The data map the portal runs on, null on the bundled help desk. */
		map: mapNow,
		async get<T>(url: string, config?: { params?: Params }): Promise<{ data: T }> {
			const stored = await storedOf(url, config?.params);
			if (!stored) return api.get<T>(url, config);
			return answerOf<T>(stored, await api.get<unknown>(stored.path));
		},
		async post<T>(url: string, data?: unknown): Promise<{ data: T }> {
			const stored = await storedOf(url, undefined, data);
			if (!stored) return api.post<T>(url, data);
			return answerOf<T>(stored, await api.post<unknown>(stored.path, stored.body));
		},
		async patch<T>(url: string, data?: unknown): Promise<{ data: T }> {
			const stored = await storedOf(url, undefined, data);
			if (!stored) return api.patch<T>(url, data);
			return answerOf<T>(stored, await api.patch<unknown>(stored.path, stored.body));
		},
		async delete<T>(url: string): Promise<{ data: T }> {
			const stored = await storedOf(url, undefined);
			return api.delete<T>(stored ? stored.path : url);
		},
	};
}
