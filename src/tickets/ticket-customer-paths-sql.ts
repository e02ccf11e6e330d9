import type { TicketCustomerPathNames } from './ticket-customer-path-names.ts';

/** Tickets whose path is not their customer's tree path, as a `FROM … WHERE …` clause. */
export function wrongTicketCustomerPathsSql({ tickets, customers }: TicketCustomerPathNames): string {
	return `FROM ${tickets.table} LEFT JOIN ${customers.table} ON ${customers.table}.${customers.id} = ${tickets.table}.${tickets.customer} WHERE ${tickets.table}.${tickets.path} IS DISTINCT FROM ${customers.table}.${customers.treePath}`;
}
