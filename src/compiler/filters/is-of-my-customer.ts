import type { DataMap } from '../../data-map/data-map.ts';
import { along } from '../mapped-fields.ts';
import type { Filter } from '../types.ts';
import { isMyCustomer } from './is-my-customer.ts';

/** On a row: its path to customers (`customer`, or a chain such as `site.account`) ends at the signed-in contact's customer. */
export const isOfMyCustomer = (path: string, map: DataMap): Filter => along(path, isMyCustomer(map));
