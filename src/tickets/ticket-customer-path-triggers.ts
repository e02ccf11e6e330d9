import type { TriggerSetDefinition, TriggerSetSql } from '../database/trigger-set.ts';
import type { TicketCustomerPathNames } from './ticket-customer-path-names.ts';

/**
 * The triggers that keep `tickets.customer_path`, a copy of the ticket's customer's `tree_path`, in the
 * same transaction as every write, whatever wrote it:
 * - before a ticket is inserted or its customer or path is written, the path is read from the customer
 *   (locked against a concurrent move): nobody, raw SQL included, can store another one;
 * - after an update of customers that changed tree paths (the customer_tree triggers rewrite a moved
 *   subtree's paths in one statement), their tickets' paths follow, in one statement too.
 * PostgreSQL only. On SQLite, Directus changes a table's schema by copying, dropping and renaming it,
 * which SQLite refuses while a trigger on another table names it, and these triggers name both tables;
 * there the rules keep the join to the customer (see `ticketsInScope`). On the tables the data map names (the
 * bundled schema's names here).
 */
const prefix = 'portal_ticket_path';
const fromCustomer = `${prefix}_from_customer`;
const followCustomers = `${prefix}_follow_customer`;

export function ticketCustomerPathTriggers(names: TicketCustomerPathNames): TriggerSetDefinition {
	const { raw, tickets, customers } = names;
	return {
		prefix,
		keeps: `${raw.tickets.table}.${raw.tickets.path}`,
		sql: (dialect): TriggerSetSql => {
			// Never installed elsewhere (see `ticketCustomerPaths.dialects`).
			if (dialect !== 'pg') return { functions: {}, triggers: {} };
			return {
				functions: {
					// FOR SHARE: a move of the customer that has not committed yet is waited for and its path read, and a
					// move that starts meanwhile waits for this ticket and then rewrites it; with a plain read, a ticket
					// written during a move would keep the old path, in the old parent's tree.
					[fromCustomer]: `BEGIN
	SELECT ${customers.treePath} INTO NEW.${tickets.path} FROM ${customers.table} WHERE ${customers.id} = NEW.${tickets.customer} FOR SHARE;
	RETURN NEW;
END`,
					// One statement for a whole moved subtree: PostgreSQL reads the tickets in one pass where one
					// statement per customer looked each customer's tickets up (docs/performance.md, "Why some checks
					// read tables whole"). EXECUTE plans it at every run, for the transition tables' row counts of that
					// run: PL/pgSQL keeps a statement's first plan for the session, so a plan made for a large move read
					// every ticket for each customer created afterwards, and one made for a single customer walked the
					// index ticket by ticket through a large move.
					[followCustomers]: `BEGIN
	EXECUTE 'UPDATE ${tickets.table} SET ${tickets.path} = moved_to.${customers.treePath}
	FROM moved_to JOIN moved_from ON moved_from.${customers.id} = moved_to.${customers.id}
	WHERE moved_from.${customers.treePath} IS DISTINCT FROM moved_to.${customers.treePath} AND ${tickets.table}.${tickets.customer} = moved_to.${customers.id}';
	RETURN NULL;
END`,
				},
				triggers: {
					[`${prefix}_insert`]: {
						table: raw.tickets.table,
						definition: `BEFORE INSERT ON ${tickets.table} FOR EACH ROW EXECUTE FUNCTION ${fromCustomer}()`,
					},
					// Any write of a path, except the rewrite just above (a trigger's own statement, which already sets each
					// ticket its customer's new path): a trigger per rewritten ticket cost a fifth of a subtree move.
					[`${prefix}_update`]: {
						table: raw.tickets.table,
						definition: `BEFORE UPDATE OF ${tickets.customer}, ${tickets.path} ON ${tickets.table} FOR EACH ROW WHEN (pg_trigger_depth() = 0 OR OLD.${tickets.customer} IS DISTINCT FROM NEW.${tickets.customer}) EXECUTE FUNCTION ${fromCustomer}()`,
					},
					// Transition tables may not go with a column list (UPDATE OF tree_path): it runs after every update of
					// customers and finds nothing to do unless a path changed.
					[`${prefix}_customers_moved`]: {
						table: raw.customers.table,
						definition: `AFTER UPDATE ON ${customers.table} REFERENCING OLD TABLE AS moved_from NEW TABLE AS moved_to FOR EACH STATEMENT EXECUTE FUNCTION ${followCustomers}()`,
					},
				},
				indexes: {
					// For the rule's "path starts with": with it a small subtree's tickets are found by their path and sorted
					// where PostgreSQL otherwise walked every ticket by date until it had enough; a large subtree's are
					// still found by that walk. `text_pattern_ops`: LIKE can
					// use a plain index only under the C collation.
					[`${prefix}_prefix_index`]: { table: raw.tickets.table, definition: `(${tickets.path} text_pattern_ops)` },
				},
			};
		},
	};
}
