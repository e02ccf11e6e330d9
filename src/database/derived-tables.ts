import { customerTree } from '../hierarchy/customer-tree.ts';
import { ticketCustomerPaths } from '../tickets/ticket-customer-paths.ts';
import { ticketFollowers } from '../tickets/ticket-followers.ts';
import type { DerivedTable } from './derived-table.ts';
import { mergeColumns, type RequiredColumns } from './missing-columns.ts';

/** Every table the product derives and keeps with triggers. */
export const derivedTables: readonly DerivedTable[] = [customerTree, ticketFollowers, ticketCustomerPaths];

/** The columns they all need: the portal's rules read them, so the doctor keeps the portal closed without them. */
export const derivedTableColumns: RequiredColumns = mergeColumns(...derivedTables.map(({ columns }) => columns));
