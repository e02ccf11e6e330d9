import type { Knex } from 'knex';
import { databaseDialect } from '../database/database-dialect.ts';
import { customerTreeIsExact } from './customer-tree-is-exact.ts';
import { customerTreeTriggers } from './customer-tree-triggers.ts';
import { customerTreeTriggersAreCurrent } from './customer-tree-triggers-are-current.ts';
import { installCustomerTree } from './install-customer-tree.ts';
import { missingHierarchyColumns } from './missing-hierarchy-columns.ts';
import { rebuildCustomerTree } from './rebuild-customer-tree.ts';

/**
 * A PostgreSQL advisory lock key of this product's own ("CPtree" in ASCII), so that Directus instances
 * starting together on one database install the triggers one after the other.
 */
const advisoryLockKey = 0x435074726565;

export type EnsureCustomerTreeOutcome =
	| { status: 'unsupported'; client: string }
	| { status: 'schema-missing'; missing: string[] }
	| { status: 'ready'; version: string; installed: boolean; rebuilt: boolean; rows: number | null };

/**
 * Makes the hierarchy whole: installs this version's triggers unless they already are, and rebuilds
 * `customer_tree` when they were not (writes may have gone unseen) or when it differs from what
 * `customers` calls for. All in one transaction; on PostgreSQL under an advisory lock and with
 * writes to both tables held back meanwhile, so concurrent start-ups and writers cannot interleave.
 * Changes nothing when the schema is not applied or the database is neither SQLite nor PostgreSQL.
 */
export async function ensureCustomerTree(knex: Knex): Promise<EnsureCustomerTreeOutcome> {
	const dialect = databaseDialect(knex);
	if (dialect === null) return { status: 'unsupported', client: String(knex.client.config.client) };
	const missing = await missingHierarchyColumns(knex);
	if (missing.length > 0) return { status: 'schema-missing', missing };
	const { version } = customerTreeTriggers(dialect);
	return knex.transaction(async (trx) => {
		if (dialect === 'pg') {
			await trx.raw('SELECT pg_advisory_xact_lock(?)', [advisoryLockKey]);
			await trx.raw('LOCK TABLE customers, customer_tree IN SHARE ROW EXCLUSIVE MODE');
		}
		const current = await customerTreeTriggersAreCurrent(trx);
		if (!current) await installCustomerTree(trx);
		const rebuild = !current || !(await customerTreeIsExact(trx));
		const rows = rebuild ? await rebuildCustomerTree(trx) : null;
		return { status: 'ready', version, installed: !current, rebuilt: rebuild, rows };
	});
}
