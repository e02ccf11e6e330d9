import type { DataMap } from '../../data-map/data-map.ts';
import { fieldOf } from '../mapped-fields.ts';
import type { Filter } from '../types.ts';
import { myPolicies } from '../variables.ts';

/** On customers: the signed-in contact's own customer, the one whose badge the user holds. */
export const isMyCustomer = (map: DataMap): Filter => ({ [fieldOf(map.customers, 'badge')]: { _in: myPolicies } });
