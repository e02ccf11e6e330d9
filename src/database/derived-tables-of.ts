import type { DataMap } from '../data-map/data-map.ts';
import { customerTreeDerivedTable } from '../hierarchy/customer-tree-derived-table.ts';
import { ticketCustomerPathsDerivedTable } from '../tickets/ticket-customer-paths-derived-table.ts';
import { ticketFollowersDerivedTable } from '../tickets/ticket-followers-derived-table.ts';
import type { DerivedTable } from './derived-table.ts';

/**
 * Every table the product derives and keeps with triggers on the collections `map` names: the customer tree
 * always, the followers and the tickets' customer paths when the map has what they are derived from.
 */
export function derivedTablesOf(map: DataMap): readonly DerivedTable[] {
	return [customerTreeDerivedTable(map), ticketFollowersDerivedTable(map), ticketCustomerPathsDerivedTable(map)].filter(
		(derived) => derived !== null,
	);
}
