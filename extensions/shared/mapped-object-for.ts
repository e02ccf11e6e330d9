import type { Knex } from 'knex';
import type { DataMap } from '../../src/data-map/data-map.ts';
import type { ObjectName } from '../../src/data-map/object-specs.ts';
import { fetchDataMap } from '../../src/settings/fetch-data-map.ts';

/**
 * Where `collection` plays `object` in the data map the portal runs on, that object's map; else null.
 * Hooks on mapped objects listen to `items.*` (Directus emits it for every collection) and ask this first:
 * one primary-key read per write, so a map saved on another instance holds for the next write here. A
 * stored map not shaped like one names no collection: the doctor keeps the portal closed over it, and the
 * team's writes go on.
 */
export async function mappedObjectFor<O extends ObjectName>(
	knex: Knex,
	object: O,
	collection: unknown,
): Promise<NonNullable<DataMap[O]> | null> {
	try {
		const mapped = (await fetchDataMap({ knex }))[object];
		return mapped !== null && mapped.collection === collection ? (mapped as NonNullable<DataMap[O]>) : null;
	} catch {
		return null;
	}
}
