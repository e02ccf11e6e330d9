import { bundledDataMap, type DataMap } from '../data-map/data-map.ts';
import type { DirectusContext } from '../directus/directus-context.ts';
import { parseJsonColumn } from '../directus/parse-json-column.ts';
import { dataMapOf } from './data-map-of.ts';

/** The last stored map read, by its JSON: most reads find the same map, and need not check its shape again. */
let lastRead: { json: string; map: DataMap } | null = null;
const bundled = bundledDataMap();

/**
 * The data map the portal runs on, read afresh from the portal settings: a map saved on another instance
 * holds here from the next call. One primary-key read, straight from the table (no schema needed, so hooks
 * can ask before anything else). Throws `InvalidDataMapError` on a stored map not shaped like one.
 * The same map comes back as the same object until it changes (so what is built from it can be kept by
 * it): shared, never to be changed by a caller.
 */
export async function fetchDataMap(context: Pick<DirectusContext, 'knex'>): Promise<DataMap> {
	const row = (await context.knex('portal_settings').select('data_map').first()) as { data_map: unknown } | undefined;
	const stored = parseJsonColumn(row?.data_map ?? null);
	if (stored === null) return bundled;
	const json = JSON.stringify(stored);
	if (lastRead?.json !== json) lastRead = { json, map: dataMapOf({ data_map: stored }) };
	return lastRead.map;
}
