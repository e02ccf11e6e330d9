import type { ProjectScope, TicketScope } from '../../catalogue/capabilities.ts';
import type { CompileSettings, Filter } from '../types.ts';
import { isInMyCustomerTree } from './is-in-my-customer-tree.ts';
import { isOfMyCustomer } from './is-of-my-customer.ts';

/** On a row with a `customer` foreign key: the rows of the customers a customer-wide scope reaches, or null for none. */
export function ofCustomersInScope(scope: TicketScope | ProjectScope, settings: CompileSettings): Filter | null {
	if (scope === 'customer_tree' && settings.parentVisibility) return { customer: isInMyCustomerTree };
	return scope === 'customer' || scope === 'customer_tree' ? isOfMyCustomer() : null;
}
