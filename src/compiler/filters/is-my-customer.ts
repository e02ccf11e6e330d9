import type { Filter } from '../types.ts';
import { myPolicies } from '../variables.ts';

/** On `customers`: the signed-in contact's own customer, the one whose badge the user holds. */
export const isMyCustomer: Filter = { portal_badge: { _in: myPolicies } };
