import type { ProjectScope, TicketScope } from '../../catalogue/capabilities.ts';
import { mapOf } from '../mapped-fields.ts';
import type { CompileSettings, Filter } from '../types.ts';
import { isInMyCustomerTree } from './is-in-my-customer-tree.ts';
import { isMyCustomer } from './is-my-customer.ts';

/** On customers: the customers a customer-wide scope reaches, or null for none. */
export function customersInScope(scope: TicketScope | ProjectScope, settings: CompileSettings): Filter | null {
	const map = mapOf(settings);
	if (scope === 'customer') return isMyCustomer(map);
	if (scope === 'customer_tree') return settings.parentVisibility ? isInMyCustomerTree(map) : isMyCustomer(map);
	return null;
}
