import { createHash } from 'node:crypto';
import type { DatabaseDialect } from '../database/database-dialect.ts';
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
 * Each statement is non-recursive: SQLite forbids common table expressions in trigger bodies.
 * Row by row, each change is applied to the tree as the rows before it left it; so one raw statement that
 * passes through a loop on the way (swapping a parent and its child in a single UPDATE) leaves the table
 * wrong until the next start-up check rebuilds it. Directus never writes that way: a batch is applied item
 * by item, and `{ keys, data }` moves customers below one parent, which the cycle guard has checked.
 */

/** Every trigger (and the PostgreSQL function) this product puts on `customers` starts with this. */
export const customerTreeTriggerPrefix = 'portal_customer_tree';

const functionName = `${customerTreeTriggerPrefix}_sync`;
const markerPlaceholder = '{{marker}}';

export interface CustomerTreeTriggers {
	/** A fingerprint of the SQL below: it changes whenever the triggers' definition does. */
	readonly version: string;
	/** The text every installed trigger carries (a comment), to tell the installed version. */
	readonly marker: string;
	/** The triggers on `customers`, once installed. */
	readonly triggerNames: readonly string[];
	/** The PostgreSQL trigger function, or null on SQLite. */
	readonly functionName: string | null;
	/** Statements that (re)create everything, one per `knex.raw`; run after dropping the old triggers. */
	readonly statements: readonly string[];
}

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

const changed = 'OLD.parent IS DISTINCT FROM NEW.parent OR OLD.visible_to_parent IS DISTINCT FROM NEW.visible_to_parent';

function sqliteStatements(): { triggerNames: string[]; statements: string[] } {
	const visible = visibleToParentSql('sqlite3', 'NEW');
	const triggers = {
		[`${customerTreeTriggerPrefix}_insert`]: `AFTER INSERT ON customers FOR EACH ROW
	BEGIN /* ${markerPlaceholder} */
		${selfRow};
		${adoptChildren('sqlite3')};
		${attach} AND ${visible};
		${refreshTreePathsSql('sqlite3', 'NEW')};
	END`,
		[`${customerTreeTriggerPrefix}_update`]: `AFTER UPDATE OF parent, visible_to_parent ON customers FOR EACH ROW
	WHEN ${changed.replaceAll('IS DISTINCT FROM', 'IS NOT')}
	BEGIN /* ${markerPlaceholder} */
		${detach('NEW', false)};
		${attach} AND ${visible};
		${refreshTreePathsSql('sqlite3', 'NEW')};
	END`,
		[`${customerTreeTriggerPrefix}_delete`]: `AFTER DELETE ON customers FOR EACH ROW
	BEGIN /* ${markerPlaceholder} */
		${detach('OLD', true)};
		UPDATE customers SET tree_path = ${treePathSql('sqlite3', 'customers.id')}
		WHERE tree_path LIKE OLD.tree_path || '%' AND id <> OLD.id;
	END`,
	};
	return {
		triggerNames: Object.keys(triggers),
		statements: Object.entries(triggers).flatMap(([name, body]) => [`DROP TRIGGER IF EXISTS ${name}`, `CREATE TRIGGER ${name} ${body}`]),
	};
}

function pgStatements(): { triggerNames: string[]; statements: string[] } {
	const triggers = {
		[`${customerTreeTriggerPrefix}_insert`]: 'AFTER INSERT ON customers FOR EACH ROW',
		[`${customerTreeTriggerPrefix}_update`]: `AFTER UPDATE OF parent, visible_to_parent ON customers FOR EACH ROW WHEN (${changed})`,
	};
	return {
		triggerNames: Object.keys(triggers),
		statements: [
			`CREATE OR REPLACE FUNCTION ${functionName}() RETURNS trigger LANGUAGE plpgsql AS $function$
BEGIN
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
END
$function$`,
			`COMMENT ON FUNCTION ${functionName}() IS '${markerPlaceholder}'`,
			...Object.entries(triggers).flatMap(([name, timing]) => [
				`DROP TRIGGER IF EXISTS ${name} ON customers`,
				`CREATE TRIGGER ${name} ${timing} EXECUTE FUNCTION ${functionName}()`,
				`COMMENT ON TRIGGER ${name} ON customers IS '${markerPlaceholder}'`,
			]),
		],
	};
}

const built = new Map<DatabaseDialect, CustomerTreeTriggers>();

/** The triggers for `dialect`, with the version they carry (built once: every write to customers checks them). */
export function customerTreeTriggers(dialect: DatabaseDialect): CustomerTreeTriggers {
	const cached = built.get(dialect);
	if (cached) return cached;
	const { triggerNames, statements } = dialect === 'pg' ? pgStatements() : sqliteStatements();
	const version = createHash('sha256').update(statements.join(';\n')).digest('hex').slice(0, 12);
	const marker = `customer-portal customer_tree ${version}`;
	const triggers: CustomerTreeTriggers = {
		version,
		marker,
		triggerNames,
		functionName: dialect === 'pg' ? functionName : null,
		statements: statements.map((statement) => statement.replaceAll(markerPlaceholder, marker)),
	};
	built.set(dialect, triggers);
	return triggers;
}
