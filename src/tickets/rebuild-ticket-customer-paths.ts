import type { Knex } from 'knex';

/** Writes the path of every ticket whose path is not its customer's; returns how many changed. */
export async function rebuildTicketCustomerPaths(knex: Knex): Promise<number> {
	const result = (await knex.raw(
		`UPDATE tickets SET customer_path = customers.tree_path FROM customers
		WHERE customers.id = tickets.customer AND tickets.customer_path IS DISTINCT FROM customers.tree_path`,
	)) as { rowCount: number | null };
	return result.rowCount ?? 0;
}
