import type { DataMap } from '../../data-map/data-map.ts';
import { fieldOf } from '../mapped-fields.ts';
import type { Filter } from '../types.ts';
import { currentUser } from '../variables.ts';

/** On contacts: the signed-in user's own contact. */
export const isMyContact = (map: DataMap): Filter => ({ [fieldOf(map.contacts, 'user')]: { _eq: currentUser } });
