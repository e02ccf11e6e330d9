import type { DatabaseDialect } from '../database/database-dialect.ts';
import type { DataMap } from '../data-map/data-map.ts';
import { customerTreeNames, type CustomerTreeNames } from './customer-tree-names.ts';
import { triggerMarker, type TriggerSetDefinition, type TriggerSetSql } from '../database/trigger-set.ts';
import { refreshTreePathsSql, treePathSql } from './tree-path-sql.ts';
import { visibleToParentSql } from './visible-to-parent-sql.ts';

/**
 * The triggers on the customers (the data map's collection; `customers` in the bundled schema, whose names
 * this tells it in) that keep `customer_tree` exact in the same transaction as the change to a customer,
 * whatever wrote it (Directus, a flow, a bulk import straight into the database):
 * - insert: the customer's own row; children that already point at it (a raw import may insert them
 *   first, and PostgreSQL fires row triggers of a multi-row insert after the whole statement) join it;
 *   then, when it is visible to its parent, its subtree joins everyone its parent is visible to.
 * - update of `parent` or `visible_to_parent`: the classic closure-table move — the subtree leaves
 *   every customer above the row, then joins the new parent's ancestors when the row is visible.
 * - delete: the foreign keys' ON DELETE CASCADE. SQLite only enforces those on connections that
 *   enable them (Directus does, a raw import may not), so there a trigger detaches the subtree too.
 * - after insert and update, the `tree_path` of every customer in the row's subtree is written anew
 *   from `customer_tree` (see `treePathSql`); after a delete on SQLite, of the customers whose path
 *   started with the deleted row's.
 * Each statement is non-recursive: SQLite forbids common table expressions in trigger bodies. On PostgreSQL,
 * where writers run side by side, the trigger first locks the rows it builds on (see `pgSql`); SQLite runs one
 * writer at a time.
 * A map without `parent` keeps each customer's own row and path only (no update trigger: nothing moves); one
 * without `visible_to_parent` makes every customer visible to its parent.
 * Row by row, each change is applied to the tree as the rows before it left it; so one raw statement that
 * passes through a loop on the way (swapping a parent and its child in a single UPDATE) leaves the table
 * wrong until the next start-up check rebuilds it. Directus never writes that way: a batch is applied item
 * by item, and `{ keys, data }` moves customers below one parent, which the cycle guard has checked.
 */

/** Every trigger (and the PostgreSQL function) this product puts on the customers starts with this. */
const prefix = 'portal_customer_tree';
const functionName = `${prefix}_sync`;

const selfRow = ({ id }: CustomerTreeNames) =>
	`INSERT INTO customer_tree (customer, ancestor, depth) VALUES (NEW.${id}, NEW.${id}, 0)`;

/** `sql` followed by ` AND condition`, or alone without a condition. */
const and = (sql: string, condition: string | null) => (condition === null ? sql : `${sql} AND ${condition}`);

function adoptChildren(dialect: DatabaseDialect, names: CustomerTreeNames, parent: string): string {
	const { customers, id } = names;
	return and(
		`INSERT INTO customer_tree (customer, ancestor, depth)
		SELECT below.customer, NEW.${id}, below.depth + 1
		FROM ${customers} child
		JOIN customer_tree below ON below.ancestor = child.${id}
		WHERE child.${parent} = NEW.${id} AND child.${id} <> NEW.${id}`,
		visibleToParentSql(dialect, 'child', names),
	);
}

/** The subtree of `row` leaves every customer above `row` (and `row` itself too, when `includingRow`). */
function detach({ id }: CustomerTreeNames, row: 'NEW' | 'OLD', includingRow: boolean): string {
	return `DELETE FROM customer_tree
		WHERE customer IN (SELECT customer FROM customer_tree WHERE ancestor = ${row}.${id})
		AND ancestor IN (SELECT ancestor FROM customer_tree WHERE customer = ${row}.${id}${includingRow ? '' : ` AND ancestor <> ${row}.${id}`})`;
}

const attach = ({ id }: CustomerTreeNames, parent: string) => `INSERT INTO customer_tree (customer, ancestor, depth)
		SELECT below.customer, above.ancestor, below.depth + above.depth + 1
		FROM customer_tree below
		JOIN customer_tree above ON above.customer = NEW.${parent}
		WHERE below.ancestor = NEW.${id}`;

/** The columns whose update moves a customer, and the condition that one did. */
function moved({ visibleToParent }: CustomerTreeNames, parent: string): { columns: string; changed: string } {
	const columns = visibleToParent === null ? [parent] : [parent, visibleToParent];
	return {
		columns: columns.join(', '),
		changed: columns.map((column) => `OLD.${column} IS DISTINCT FROM NEW.${column}`).join(' OR '),
	};
}

function sqliteSql(names: CustomerTreeNames): TriggerSetSql {
	const { customers, id, parent, treePath } = names;
	const visible = visibleToParentSql('sqlite3', 'NEW', names);
	const on = (definition: string) => ({ table: names.raw.customers, definition });
	const insert =
		parent === null
			? [selfRow(names)]
			: [selfRow(names), adoptChildren('sqlite3', names, parent), and(attach(names, parent), visible)];
	const triggers: Record<string, { table: string; definition: string }> = {
		[`${prefix}_insert`]: on(`AFTER INSERT ON ${customers} FOR EACH ROW
	BEGIN /* ${triggerMarker} */
		${insert.map((statement) => `${statement};`).join('\n\t\t')}
		${refreshTreePathsSql('sqlite3', 'NEW', names)};
	END`),
	};
	if (parent !== null) {
		const { columns, changed } = moved(names, parent);
		triggers[`${prefix}_update`] = on(`AFTER UPDATE OF ${columns} ON ${customers} FOR EACH ROW
	WHEN ${changed.replaceAll('IS DISTINCT FROM', 'IS NOT')}
	BEGIN /* ${triggerMarker} */
		${detach(names, 'NEW', false)};
		${and(attach(names, parent), visible)};
		${refreshTreePathsSql('sqlite3', 'NEW', names)};
	END`);
	}
	triggers[`${prefix}_delete`] = on(`AFTER DELETE ON ${customers} FOR EACH ROW
	BEGIN /* ${triggerMarker} */
		${detach(names, 'OLD', true)};
		UPDATE ${customers} SET ${treePath} = ${treePathSql('sqlite3', `${customers}.${id}`)}
		WHERE ${treePath} LIKE OLD.${treePath} || '%' AND ${id} <> OLD.${id};
	END`);
	return { functions: {}, triggers };
}

function pgSql(names: CustomerTreeNames): TriggerSetSql {
	const { customers, id, parent } = names;
	const on = (definition: string) => ({ table: names.raw.customers, definition });
	if (parent === null)
		return {
			functions: {
				[functionName]: `BEGIN
	${selfRow(names)};
	${refreshTreePathsSql('pg', 'NEW', names)};
	RETURN NULL;
END`,
			},
			triggers: {
				[`${prefix}_insert`]: on(`AFTER INSERT ON ${customers} FOR EACH ROW EXECUTE FUNCTION ${functionName}()`),
			},
		};
	const visible = visibleToParentSql('pg', 'NEW', names);
	const { columns, changed } = moved(names, parent);
	return {
		functions: {
			// First the locks that order this change with concurrent ones: the new parent's row, shared (a move
			// of it, or of a customer above it, that has not committed is waited for, and one that starts later
			// waits for this), and on a move or visibility change every customer of the subtree, as an update
			// would (a customer being added below one of them meanwhile is waited for, then seen). Each later
			// statement reads what was committed before it, so neither side works from a tree the other is
			// changing; without them a customer added below a moving customer kept its old ancestors.
			[functionName]: `BEGIN
	IF NEW.${parent} IS NOT NULL THEN
		PERFORM 1 FROM ${customers} WHERE ${id} = NEW.${parent} FOR SHARE;
	END IF;
	IF TG_OP = 'UPDATE' THEN
		PERFORM 1 FROM ${customers} WHERE ${id} IN (SELECT customer FROM customer_tree WHERE ancestor = NEW.${id}) FOR NO KEY UPDATE;
	END IF;
	IF TG_OP = 'INSERT' THEN
		${selfRow(names)};
		${adoptChildren('pg', names, parent)};
	ELSE
		${detach(names, 'NEW', false)};
	END IF;
	${
		visible === null
			? `${attach(names, parent)};`
			: `IF ${visible} THEN
		${attach(names, parent)};
	END IF;`
	}
	${refreshTreePathsSql('pg', 'NEW', names)};
	RETURN NULL;
END`,
		},
		triggers: {
			[`${prefix}_insert`]: on(`AFTER INSERT ON ${customers} FOR EACH ROW EXECUTE FUNCTION ${functionName}()`),
			[`${prefix}_update`]: on(
				`AFTER UPDATE OF ${columns} ON ${customers} FOR EACH ROW WHEN (${changed}) EXECUTE FUNCTION ${functionName}()`,
			),
		},
	};
}

/** The triggers that keep `customer_tree` and the customers' tree paths, on the customers `map` names. */
export function customerTreeTriggers(map: DataMap): TriggerSetDefinition {
	const names = customerTreeNames(map);
	return {
		prefix,
		keeps: 'customer_tree',
		sql: (dialect) => (dialect === 'pg' ? pgSql(names) : sqliteSql(names)),
	};
}
