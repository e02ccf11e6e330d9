import type { Knex } from 'knex';
import type { TicketCustomerPathNames } from './ticket-customer-path-names.ts';
import { wrongTicketCustomerPathsSql } from './ticket-customer-paths-sql.ts';

/** Whether every ticket's path is its customer's. */
export async function ticketCustomerPathsAreExact(knex: Knex, names: TicketCustomerPathNames): Promise<boolean> {
	const result = (await knex.raw(
		`SELECT COUNT(*) AS wrong FROM (SELECT 1 ${wrongTicketCustomerPathsSql(names)} LIMIT 1) wrong`,
	)) as { rows: { wrong: number | string }[] };
	return Number(result.rows[0]?.wrong ?? 1) === 0;
}
