import type { Knex } from 'knex';
import { requireDatabaseDialect } from '../database/database-dialect.ts';
import { customerTreeTriggers } from './customer-tree-triggers.ts';
import { installedCustomerTreeTriggers } from './installed-customer-tree-triggers.ts';

/**
 * (Re)creates this version's triggers on `customers` in one transaction, dropping any of this
 * product's triggers first (also ones an older version named differently). Idempotent. Does not
 * touch `customer_tree`: run `rebuildCustomerTree` after it, since writes may have gone unseen.
 */
export async function installCustomerTree(knex: Knex): Promise<void> {
	const dialect = requireDatabaseDialect(knex);
	const { statements } = customerTreeTriggers(dialect);
	await knex.transaction(async (trx) => {
		const { triggers } = await installedCustomerTreeTriggers(trx);
		for (const { name } of triggers) await trx.raw(dialect === 'pg' ? `DROP TRIGGER IF EXISTS ${name} ON customers` : `DROP TRIGGER IF EXISTS ${name}`);
		for (const statement of statements) await trx.raw(statement);
	});
}
