import type { DataMap } from '../../data-map/data-map.ts';
import type { Filter } from '../types.ts';
import { isMyContact } from './is-my-contact.ts';

/**
 * On a row: its `field` (a foreign key to contacts) is the signed-in user's contact. A join to that one
 * contact row, with no variable to resolve.
 */
export const isByMe = (field: string, map: DataMap): Filter => ({ [field]: isMyContact(map) });
