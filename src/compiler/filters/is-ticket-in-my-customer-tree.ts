import type { ObjectMap } from '../../data-map/data-map.ts';
import { fieldOf } from '../mapped-fields.ts';
import type { Filter } from '../types.ts';
import { myCustomerTreePath } from '../variables.ts';

/**
 * On `tickets`: the tickets of their customer's tree, by the ticket's own copy of its customer's tree path
 * (`customer_path`, kept by triggers on PostgreSQL, see `ticketCustomerPaths`). "The 25 newest" then walks the
 * date index testing each ticket itself, where the join looked up every ticket's customer (docs/performance.md).
 */
export const isTicketInMyCustomerTree = (tickets: ObjectMap<'tickets'>): Filter => ({
	[fieldOf(tickets, 'customer_path')]: { _starts_with: myCustomerTreePath },
});
