import type { Knex } from 'knex';
import type { DerivedTable } from '../database/derived-table.ts';
import { TicketCustomerPathReadOnlyError } from '../errors/ticket-customer-path-read-only-error.ts';
import { ticketCustomerPathTriggers } from './ticket-customer-path-triggers.ts';

type Count = number | string;

/** Tickets whose `customer_path` is not their customer's `tree_path`. */
const wrongPaths = `FROM tickets LEFT JOIN customers ON customers.id = tickets.customer WHERE tickets.customer_path IS DISTINCT FROM customers.tree_path`;

/** Whether every ticket's path is its customer's. */
export async function ticketCustomerPathsAreExact(knex: Knex): Promise<boolean> {
	const result = (await knex.raw(`SELECT COUNT(*) AS wrong FROM (SELECT 1 ${wrongPaths} LIMIT 1) wrong`)) as { rows: { wrong: Count }[] };
	return Number(result.rows[0]?.wrong ?? 1) === 0;
}

/** Writes the path of every ticket whose path is not its customer's; returns how many changed. */
export async function rebuildTicketCustomerPaths(knex: Knex): Promise<number> {
	const result = (await knex.raw(
		`UPDATE tickets SET customer_path = customers.tree_path FROM customers
		WHERE customers.id = tickets.customer AND tickets.customer_path IS DISTINCT FROM customers.tree_path`,
	)) as { rowCount: number | null };
	return result.rowCount ?? 0;
}

/**
 * `tickets.customer_path`: each ticket's copy of its customer's tree path (see `ticketCustomerPathTriggers`),
 * so that "their customer's tree" tests the ticket row itself. PostgreSQL only; elsewhere the column stays
 * empty and the rules join the customer.
 */
export const ticketCustomerPaths: DerivedTable = {
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
