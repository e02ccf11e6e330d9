import type { Knex } from 'knex';
import { requireDatabaseDialect } from './database-dialect.ts';
import { installedTriggers } from './installed-triggers.ts';
import { triggerSet, type TriggerSetDefinition } from './trigger-set.ts';

/**
 * (Re)creates this version of the set in one transaction, dropping every trigger named with its prefix
 * first (also ones an older version named differently). Idempotent. Does not touch the derived table:
 * rebuild it after this, since writes may have gone unseen.
 */
export async function installTriggers(knex: Knex, definition: TriggerSetDefinition): Promise<void> {
	const dialect = requireDatabaseDialect(knex);
	const { statements } = triggerSet(definition, dialect);
	await knex.transaction(async (trx) => {
		const { triggers } = await installedTriggers(trx, definition);
		for (const { name, table } of triggers)
			await trx.raw(dialect === 'pg' ? `DROP TRIGGER IF EXISTS ${name} ON ${table}` : `DROP TRIGGER IF EXISTS ${name}`);
		for (const statement of statements) await trx.raw(statement);
	});
}
