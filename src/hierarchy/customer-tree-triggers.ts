import type { DatabaseDialect } from '../database/database-dialect.ts';
import { triggerMarker, type TriggerSetDefinition, type TriggerSetSql } from '../database/trigger-set.ts';
import { refreshTreePathsSql, treePathSql } from './tree-path-sql.ts';
import { visibleToParentSql } from './visible-to-parent-sql.ts';

/**
 * The triggers on `customers` that keep `customer_tree` exact in the same transaction as the change
 * to a customer, whatever wrote it (Directus, a flow, a bulk import straight into the database):
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
 * Row by row, each change is applied to the tree as the rows before it left it; so one raw statement that
 * passes through a loop on the way (swapping a parent and its child in a single UPDATE) leaves the table
 * wrong until the next start-up check rebuilds it. Directus never writes that way: a batch is applied item
 * by item, and `{ keys, data }` moves customers below one parent, which the cycle guard has checked.
 */

/** Every trigger (and the PostgreSQL function) this product puts on `customers` starts with this. */
const prefix = 'portal_customer_tree';
const functionName = `${prefix}_sync`;

const selfRow = 'INSERT INTO customer_tree (customer, ancestor, depth) VALUES (NEW.id, NEW.id, 0)';

function adoptChildren(dialect: DatabaseDialect): string {
	return `INSERT INTO customer_tree (customer, ancestor, depth)
		SELECT below.customer, NEW.id, below.depth + 1
		FROM customers child
		JOIN customer_tree below ON below.ancestor = child.id
		WHERE child.parent = NEW.id AND child.id <> NEW.id AND ${visibleToParentSql(dialect, 'child')}`;
}

/** The subtree of `row` leaves every customer above `row` (and `row` itself too, when `includingRow`). */
function detach(row: 'NEW' | 'OLD', includingRow: boolean): string {
	return `DELETE FROM customer_tree
		WHERE customer IN (SELECT customer FROM customer_tree WHERE ancestor = ${row}.id)
		AND ancestor IN (SELECT ancestor FROM customer_tree WHERE customer = ${row}.id${includingRow ? '' : ` AND ancestor <> ${row}.id`})`;
}

const attach = `INSERT INTO customer_tree (customer, ancestor, depth)
		SELECT below.customer, above.ancestor, below.depth + above.depth + 1
		FROM customer_tree below
		JOIN customer_tree above ON above.customer = NEW.parent
		WHERE below.ancestor = NEW.id`;

const changed =
	'OLD.parent IS DISTINCT FROM NEW.parent OR OLD.visible_to_parent IS DISTINCT FROM NEW.visible_to_parent';

function sqliteSql(): TriggerSetSql {
	const visible = visibleToParentSql('sqlite3', 'NEW');
	const on = (definition: string) => ({ table: 'customers', definition });
	return {
		functions: {},
		triggers: {
			[`${prefix}_insert`]: on(`AFTER INSERT ON customers FOR EACH ROW
	BEGIN /* ${triggerMarker} */
		${selfRow};
		${adoptChildren('sqlite3')};
		${attach} AND ${visible};
		${refreshTreePathsSql('sqlite3', 'NEW')};
	END`),
			[`${prefix}_update`]: on(`AFTER UPDATE OF parent, visible_to_parent ON customers FOR EACH ROW
	WHEN ${changed.replaceAll('IS DISTINCT FROM', 'IS NOT')}
	BEGIN /* ${triggerMarker} */
		${detach('NEW', false)};
		${attach} AND ${visible};
		${refreshTreePathsSql('sqlite3', 'NEW')};
	END`),
			[`${prefix}_delete`]: on(`AFTER DELETE ON customers FOR EACH ROW
	BEGIN /* ${triggerMarker} */
		${detach('OLD', true)};
		UPDATE customers SET tree_path = ${treePathSql('sqlite3', 'customers.id')}
		WHERE tree_path LIKE OLD.tree_path || '%' AND id <> OLD.id;
	END`),
		},
	};
}

function pgSql(): TriggerSetSql {
	return {
		functions: {
			// First the locks that order this change with concurrent ones: the new parent's row, shared (a move
			// of it, or of a customer above it, that has not committed is waited for, and one that starts later
			// waits for this), and on a move or visibility change every customer of the subtree, as an update
			// would (a customer being added below one of them meanwhile is waited for, then seen). Each later
			// statement reads what was committed before it, so neither side works from a tree the other is
			// changing; without them a customer added below a moving customer kept its old ancestors.
			[functionName]: `BEGIN
	IF NEW.parent IS NOT NULL THEN
		PERFORM 1 FROM customers WHERE id = NEW.parent FOR SHARE;
	END IF;
	IF TG_OP = 'UPDATE' THEN
		PERFORM 1 FROM customers WHERE id IN (SELECT customer FROM customer_tree WHERE ancestor = NEW.id) FOR NO KEY UPDATE;
	END IF;
	IF TG_OP = 'INSERT' THEN
		${selfRow};
		${adoptChildren('pg')};
	ELSE
		${detach('NEW', false)};
	END IF;
	IF ${visibleToParentSql('pg', 'NEW')} THEN
		${attach};
	END IF;
	${refreshTreePathsSql('pg', 'NEW')};
	RETURN NULL;
END`,
		},
		triggers: {
			[`${prefix}_insert`]: {
				table: 'customers',
				definition: `AFTER INSERT ON customers FOR EACH ROW EXECUTE FUNCTION ${functionName}()`,
			},
			[`${prefix}_update`]: {
				table: 'customers',
				definition: `AFTER UPDATE OF parent, visible_to_parent ON customers FOR EACH ROW WHEN (${changed}) EXECUTE FUNCTION ${functionName}()`,
			},
		},
	};
}

/** The triggers that keep `customer_tree` and `customers.tree_path`. */
export const customerTreeTriggers: TriggerSetDefinition = {
	prefix,
	keeps: 'customer_tree',
	sql: (dialect) => (dialect === 'pg' ? pgSql() : sqliteSql()),
};
