/** Kept for importers outside the database folder: the list is `allDerivedTables`, the columns `derivedTableColumns`. */
export { allDerivedTables as derivedTables } from './all-derived-tables.ts';
export { derivedTableColumns } from './derived-table-columns.ts';
