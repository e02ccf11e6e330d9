import type { Knex } from 'knex';
import { requireDatabaseDialect } from './database-dialect.ts';
import { sqlName } from './sql-name.ts';
import { installedTriggers } from './installed-triggers.ts';
import { triggerSet, type TriggerSetDefinition } from './trigger-set.ts';

/**
 * (Re)creates this version of the set in one transaction, dropping every trigger named with its prefix
 * first (also ones an older version named differently, and ones on a table the data map no longer names), and
 * its indexes that are on another table than the set's. Idempotent. Does not touch the derived table:
 * rebuild it after this, since writes may have gone unseen.
 */
export async function installTriggers(knex: Knex, definition: TriggerSetDefinition): Promise<void> {
	const dialect = requireDatabaseDialect(knex);
	const { statements, indexes: expected } = triggerSet(definition, dialect);
	await knex.transaction(async (trx) => {
		const { triggers, indexes } = await installedTriggers(trx, definition);
		for (const { name, table } of triggers)
			await trx.raw(
				dialect === 'pg' ? `DROP TRIGGER IF EXISTS ${name} ON ${sqlName(table)}` : `DROP TRIGGER IF EXISTS ${name}`,
			);
		// An index is created only when missing: one left on the table of an earlier map goes first.
		for (const { name, table } of indexes)
			if (!expected.some((index) => index.name === name && index.table === table))
				await trx.raw(`DROP INDEX IF EXISTS ${name}`);
		for (const statement of statements) await trx.raw(statement);
	});
}
