/** The derived tables on the bundled help-desk schema, as the tests that install them there use them. */
import { bundledDataMap } from '../../src/data-map/data-map.ts';
import type { DerivedTable } from '../../src/database/derived-table.ts';
import { customerTreeDerivedTable } from '../../src/hierarchy/customer-tree-derived-table.ts';
import { ticketCustomerPathsDerivedTable } from '../../src/tickets/ticket-customer-paths-derived-table.ts';
import { ticketFollowersDerivedTable } from '../../src/tickets/ticket-followers-derived-table.ts';

function present(derived: DerivedTable | null, what: string): DerivedTable {
	if (derived === null) throw new Error(`The bundled data map keeps no ${what}.`);
	return derived;
}

/** `customer_tree` and `customers.tree_path`. */
export const bundledCustomerTree = customerTreeDerivedTable(bundledDataMap());
/** `ticket_followers`. */
export const bundledTicketFollowers = present(ticketFollowersDerivedTable(bundledDataMap()), 'ticket followers');
/** `tickets.customer_path`. */
export const bundledTicketCustomerPaths = present(
	ticketCustomerPathsDerivedTable(bundledDataMap()),
	'ticket customer paths',
);
