import type { DataMap } from '../data-map/data-map.ts';
import type { DerivedTable } from '../database/derived-table.ts';
import { TicketCustomerPathReadOnlyError } from '../errors/ticket-customer-path-read-only-error.ts';
import { rebuildTicketCustomerPaths } from './rebuild-ticket-customer-paths.ts';
import { ticketCustomerPathNames } from './ticket-customer-path-names.ts';
import { ticketCustomerPathTriggers } from './ticket-customer-path-triggers.ts';
import { ticketCustomerPathsAreExact } from './ticket-customer-paths-are-exact.ts';

/**
 * The tickets' customer paths (`tickets.customer_path` in the bundled schema): each ticket's copy of its
 * customer's tree path (see `ticketCustomerPathTriggers`), so that "their customer's tree" tests the ticket row
 * itself. PostgreSQL only; elsewhere the column stays empty and the rules join the customer. Null when `map`
 * has no tickets or its tickets reach their customer through a chain (`ticketCustomerIsChain`).
 */
export function ticketCustomerPathsDerivedTable(map: DataMap): DerivedTable | null {
	const names = ticketCustomerPathNames(map);
	if (names === null) return null;
	const { tickets, customers } = names.raw;
	return {
		table: tickets.table,
		readOnlyField: tickets.path,
		dialects: ['pg'],
		triggers: ticketCustomerPathTriggers(names),
		columns: {
			[tickets.table]: [tickets.id, tickets.customer, tickets.path],
			[customers.table]: [customers.id, customers.treePath],
		},
		sources: [tickets.table, customers.table],
		// "CPpath" in ASCII.
		advisoryLockKey: 0x435070617468,
		isExact: (knex) => ticketCustomerPathsAreExact(knex, names),
		rebuild: (knex) => rebuildTicketCustomerPaths(knex, names),
		readOnlyError: () => new TicketCustomerPathReadOnlyError(),
	};
}
