import type { DatabaseDialect } from '../database/database-dialect.ts';
import type { CustomerTreeNames } from './customer-tree-names.ts';

/**
 * SQL that is true when the customer row `row` (an alias, `NEW` or `OLD`) is visible to its parent, or null
 * when the map leaves `visible_to_parent` unmapped: then every customer is, and the condition is left out.
 * SQLite keeps booleans as numbers and a raw import may write the text 'true'; anything else hides
 * the customer, the safe side for a setting that keeps a subsidiary out of its parent's sight.
 */
export function visibleToParentSql(dialect: DatabaseDialect, row: string, names: CustomerTreeNames): string | null {
	const field = names.visibleToParent;
	if (field === null) return null;
	return dialect === 'pg' ? `${row}.${field}` : `${row}.${field} IN (1, 'true')`;
}
