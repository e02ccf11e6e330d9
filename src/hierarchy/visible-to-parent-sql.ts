import type { DatabaseDialect } from '../database/database-dialect.ts';

/**
 * SQL that is true when the customer row `row` (an alias, `NEW` or `OLD`) is visible to its parent.
 * SQLite keeps booleans as numbers and a raw import may write the text 'true'; anything else hides
 * the customer, the safe side for a setting that keeps a subsidiary out of its parent's sight.
 */
export function visibleToParentSql(dialect: DatabaseDialect, row: string): string {
	return dialect === 'pg' ? `${row}.visible_to_parent` : `${row}.visible_to_parent IN (1, 'true')`;
}
