import type { DatabaseDialect } from '../database/database-dialect.ts';
import { visibleToParentSql } from './visible-to-parent-sql.ts';

/**
 * A recursive common table expression `closure (customer, ancestor, depth)` holding exactly what
 * `customer_tree` must hold, computed from `customers` alone; prefix it to a statement that reads
 * `closure`. Like `expectedCustomerTree`, a parent that does not exist ends the climb and a loop
 * stops after as many steps as there are customers. Not for trigger bodies: SQLite refuses CTEs there.
 */
export function closureQuery(dialect: DatabaseDialect): string {
	return `WITH RECURSIVE closure (customer, ancestor, depth) AS (
	SELECT id, id, 0 FROM customers
	UNION ALL
	SELECT closure.customer, below.parent, closure.depth + 1
	FROM closure
	JOIN customers below ON below.id = closure.ancestor
	JOIN customers above ON above.id = below.parent
	WHERE ${visibleToParentSql(dialect, 'below')} AND closure.depth + 1 < (SELECT COUNT(*) FROM customers)
)`;
}
