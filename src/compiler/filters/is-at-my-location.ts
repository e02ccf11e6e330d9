import type { Filter } from '../types.ts';
import { myLocationIds } from '../variables.ts';

/** On a row: its `location` is the signed-in contact's location. */
export const isAtMyLocation: Filter = { location: { _in: myLocationIds } };
