import type { PortalSettingsRecord } from '../access/portal-records.ts';
import { bundledDataMap, type DataMap } from '../data-map/data-map.ts';
import { readDataMapShape } from '../data-map/read-data-map-shape.ts';
import { InvalidDataMapError } from '../errors/invalid-data-map-error.ts';

/**
 * The data map the portal runs on: the stored one, or the bundled help-desk collections' when none is
 * stored. Only the product stores a map, after checking it against the schema; a stored map that is not
 * even shaped like one (written straight into the database) is refused rather than guessed at, and the
 * doctor keeps the portal closed over it.
 */
export function dataMapOf(settings: Pick<PortalSettingsRecord, 'data_map'>): DataMap {
	if (settings.data_map === null) return bundledDataMap();
	const { map, problems } = readDataMapShape(settings.data_map);
	if (!map) throw new InvalidDataMapError({ problems });
	return map;
}
