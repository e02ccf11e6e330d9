import type { PortalSettingsRecord } from '../access/portal-records.ts';
import { bundledDataMap, type DataMap } from '../data-map/data-map.ts';
import { readDataMapShape } from '../data-map/read-data-map-shape.ts';
import { InvalidDataMapError } from '../errors/invalid-data-map-error.ts';
import { parseJsonColumn } from '../directus/parse-json-column.ts';

/**
 * The data map the portal runs on: the stored one, or the bundled help-desk collections' when none is
 * stored. Only the product stores a map, after checking it against the schema; a stored map that is not
 * even shaped like one (written straight into the database) is refused rather than guessed at, and the
 * doctor keeps the portal closed over it.
 */
export function dataMapOf(settings: Pick<PortalSettingsRecord, 'data_map'>): DataMap {
	const stored = parseJsonColumn(settings.data_map);
	if (stored === null || stored === undefined) return bundledDataMap();
	const { map, problems } = readDataMapShape(stored);
	if (!map) throw new InvalidDataMapError({ problems });
	return map;
}
