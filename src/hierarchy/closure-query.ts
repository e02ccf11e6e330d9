import type { DatabaseDialect } from '../database/database-dialect.ts';
import type { CustomerTreeNames } from './customer-tree-names.ts';
import { visibleToParentSql } from './visible-to-parent-sql.ts';

/**
 * A recursive common table expression `closure (customer, ancestor, depth)` holding exactly what
 * `customer_tree` must hold, computed from the customers alone; prefix it to a statement that reads
 * `closure`. Like `expectedCustomerTree`, a parent that does not exist ends the climb and a loop
 * stops after as many steps as there are customers; without a `parent` in the map each customer has its own
 * row only. Not for trigger bodies: SQLite refuses CTEs there.
 */
export function closureQuery(dialect: DatabaseDialect, names: CustomerTreeNames): string {
	const { customers, id, parent } = names;
	const own = `SELECT ${id}, ${id}, 0 FROM ${customers}`;
	if (parent === null) return `WITH RECURSIVE closure (customer, ancestor, depth) AS (\n\t${own}\n)`;
	const visible = visibleToParentSql(dialect, 'below', names);
	return `WITH RECURSIVE closure (customer, ancestor, depth) AS (
	${own}
	UNION ALL
	SELECT closure.customer, below.${parent}, closure.depth + 1
	FROM closure
	JOIN ${customers} below ON below.${id} = closure.ancestor
	JOIN ${customers} above ON above.${id} = below.${parent}
	WHERE ${visible === null ? '' : `${visible} AND `}closure.depth + 1 < (SELECT COUNT(*) FROM ${customers})
)`;
}
