import type { Knex } from 'knex';
import type { TicketCustomerPathNames } from './ticket-customer-path-names.ts';

/** Writes the path of every ticket whose path is not its customer's; returns how many changed. */
export async function rebuildTicketCustomerPaths(
	knex: Knex,
	{ tickets, customers }: TicketCustomerPathNames,
): Promise<number> {
	const result = (await knex.raw(
		`UPDATE ${tickets.table} SET ${tickets.path} = ${customers.table}.${customers.treePath} FROM ${customers.table}
		WHERE ${customers.table}.${customers.id} = ${tickets.table}.${tickets.customer} AND ${tickets.table}.${tickets.path} IS DISTINCT FROM ${customers.table}.${customers.treePath}`,
	)) as { rowCount: number | null };
	return result.rowCount ?? 0;
}
