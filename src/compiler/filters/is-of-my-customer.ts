import type { Filter } from '../types.ts';
import { isMyCustomer } from './is-my-customer.ts';

/** On a row: its `field` (a foreign key to `customers`) is the signed-in contact's customer. */
export const isOfMyCustomer = (field = 'customer'): Filter => ({ [field]: isMyCustomer });
