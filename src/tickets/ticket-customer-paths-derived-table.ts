import type { DerivedTable } from '../database/derived-table.ts';
import { TicketCustomerPathReadOnlyError } from '../errors/ticket-customer-path-read-only-error.ts';
import { rebuildTicketCustomerPaths } from './rebuild-ticket-customer-paths.ts';
import { ticketCustomerPathTriggers } from './ticket-customer-path-triggers.ts';
import { ticketCustomerPathsAreExact } from './ticket-customer-paths-are-exact.ts';

/**
 * `tickets.customer_path`: each ticket's copy of its customer's tree path (see `ticketCustomerPathTriggers`),
 * so that "their customer's tree" tests the ticket row itself. PostgreSQL only; elsewhere the column stays
 * empty and the rules join the customer.
 */
export const ticketCustomerPathsDerivedTable: DerivedTable = {
	table: 'tickets',
	readOnlyField: 'customer_path',
	dialects: ['pg'],
	triggers: ticketCustomerPathTriggers,
	columns: {
		tickets: ['id', 'customer', 'customer_path'],
		customers: ['id', 'tree_path'],
	},
	sources: ['tickets', 'customers'],
	// "CPpath" in ASCII.
	advisoryLockKey: 0x435070617468,
	isExact: ticketCustomerPathsAreExact,
	rebuild: rebuildTicketCustomerPaths,
	readOnlyError: () => new TicketCustomerPathReadOnlyError(),
};
