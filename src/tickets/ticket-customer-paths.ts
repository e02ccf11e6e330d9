/** Kept for importers outside the tickets folder; each export lives in the file named after it. */
export { ticketCustomerPathsAreExact } from './ticket-customer-paths-are-exact.ts';
export { ticketCustomerPathsDerivedTable as ticketCustomerPaths } from './ticket-customer-paths-derived-table.ts';
