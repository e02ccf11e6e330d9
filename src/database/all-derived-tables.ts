import { customerTreeDerivedTable } from '../hierarchy/customer-tree-derived-table.ts';
import { ticketCustomerPathsDerivedTable } from '../tickets/ticket-customer-paths-derived-table.ts';
import { ticketFollowersDerivedTable } from '../tickets/ticket-followers-derived-table.ts';
import type { DerivedTable } from './derived-table.ts';

/** Every table the product derives and keeps with triggers. */
export const allDerivedTables: readonly DerivedTable[] = [
	customerTreeDerivedTable,
	ticketFollowersDerivedTable,
	ticketCustomerPathsDerivedTable,
];
