import { fieldOf } from '../compiler/mapped-fields.ts';
import type { DataMap } from '../data-map/data-map.ts';
import { sqlName } from '../database/sql-name.ts';
import { customerTreeNames } from '../hierarchy/customer-tree-names.ts';
import { ticketCustomerIsChain } from './ticket-customer-is-chain.ts';

interface TicketPathPlaces {
	readonly tickets: { readonly table: string; readonly id: string; readonly customer: string; readonly path: string };
	readonly customers: { readonly table: string; readonly id: string; readonly treePath: string };
}

/** The names the ticket paths' SQL reads: `raw` as the database names them, the rest as SQL writes them (`sqlName`). */
export type TicketCustomerPathNames = TicketPathPlaces & { readonly raw: TicketPathPlaces };

/**
 * Where `map` keeps the tickets' copies of their customers' tree paths, and the customers they copy them
 * from; null when it has no tickets or its tickets reach their customer through a chain (no copy is kept).
 */
export function ticketCustomerPathNames(map: DataMap): TicketCustomerPathNames | null {
	const { tickets } = map;
	if (tickets === null || ticketCustomerIsChain(tickets)) return null;
	const customers = customerTreeNames(map);
	const raw: TicketPathPlaces = {
		tickets: {
			table: tickets.collection,
			id: fieldOf(tickets, 'id'),
			customer: fieldOf(tickets, 'customer'),
			path: fieldOf(tickets, 'customer_path'),
		},
		customers: { table: customers.raw.customers, id: customers.raw.id, treePath: customers.raw.treePath },
	};
	return {
		raw,
		tickets: {
			table: sqlName(raw.tickets.table),
			id: sqlName(raw.tickets.id),
			customer: sqlName(raw.tickets.customer),
			path: sqlName(raw.tickets.path),
		},
		customers: { table: customers.customers, id: customers.id, treePath: customers.treePath },
	};
}
