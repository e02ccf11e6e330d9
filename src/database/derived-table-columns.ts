import { allDerivedTables } from './all-derived-tables.ts';
import { mergeColumns, type RequiredColumns } from './missing-columns.ts';

/** The columns every derived table needs: the portal's rules read them, so the doctor keeps the portal closed without them. */
export const derivedTableColumns: RequiredColumns = mergeColumns(...allDerivedTables.map(({ columns }) => columns));
