import type { Knex } from 'knex';
import type { DataMap } from '../../src/data-map/data-map.ts';
import { fetchDataMap } from '../../src/settings/fetch-data-map.ts';

/**
 * The data map the portal runs on, for a hook acting on several objects' writes (see `mappedObjectFor` for
 * one object): one primary-key read per write. A stored map not shaped like one gives null: the doctor keeps
 * the portal closed over it, and the team's writes go on untouched.
 */
export async function runningDataMap(knex: Knex): Promise<DataMap | null> {
	try {
		return await fetchDataMap({ knex });
	} catch {
		return null;
	}
}
