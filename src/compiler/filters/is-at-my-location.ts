import type { Filter } from '../types.ts';

/**
 * On a row: its `field` (a foreign key to locations) is the signed-in contact's location (`myLocationIds`).
 * Null when contacts have no location: nothing is "at their location".
 */
export const isAtMyLocation = (field: string, myLocations: string | null): Filter | null =>
	myLocations === null ? null : { [field]: { _in: myLocations } };
