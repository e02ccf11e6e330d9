import type { TriggerSetDefinition, TriggerSetSql } from '../database/trigger-set.ts';

/**
 * The triggers that keep `tickets.customer_path`, a copy of the ticket's customer's `tree_path`, in the
 * same transaction as every write, whatever wrote it:
 * - before a ticket is inserted or its customer or path is written, the path is read from the customer
 *   (locked against a concurrent move): nobody, raw SQL included, can store another one;
 * - after a customer's `tree_path` changes (the customer_tree triggers rewrite a moved subtree's paths),
 *   its tickets' paths follow.
 * PostgreSQL only. On SQLite, Directus changes a table's schema by copying, dropping and renaming it,
 * which SQLite refuses while a trigger on another table names it, and these triggers name both tables;
 * there the rules keep the join to the customer (see `ticketsInScope`).
 */
const prefix = 'portal_ticket_path';

export const ticketCustomerPathTriggers: TriggerSetDefinition = {
	prefix,
	keeps: 'tickets.customer_path',
	sql: (dialect): TriggerSetSql => {
		// Never installed elsewhere (see `ticketCustomerPaths.dialects`).
		if (dialect !== 'pg') return { functions: {}, triggers: {} };
		return {
			functions: {
				// FOR SHARE: a move of the customer that has not committed yet is waited for and its path read, and a
				// move that starts meanwhile waits for this ticket and then rewrites it; with a plain read, a ticket
				// written during a move would keep the old path, in the old parent's tree.
				[`${prefix}_from_customer`]: `BEGIN
	SELECT tree_path INTO NEW.customer_path FROM customers WHERE id = NEW.customer FOR SHARE;
	RETURN NEW;
END`,
				[`${prefix}_follow_customer`]: `BEGIN
	UPDATE tickets SET customer_path = NEW.tree_path WHERE customer = NEW.id;
	RETURN NULL;
END`,
			},
			triggers: {
				[`${prefix}_write`]: {
					table: 'tickets',
					definition: `BEFORE INSERT OR UPDATE OF customer, customer_path ON tickets FOR EACH ROW EXECUTE FUNCTION ${prefix}_from_customer()`,
				},
				[`${prefix}_customer_moved`]: {
					table: 'customers',
					definition: `AFTER UPDATE OF tree_path ON customers FOR EACH ROW WHEN (OLD.tree_path IS DISTINCT FROM NEW.tree_path) EXECUTE FUNCTION ${prefix}_follow_customer()`,
				},
			},
		};
	},
};
