import type { Knex } from 'knex';
import { requireDatabaseDialect } from './database-dialect.ts';
import { installedTriggers } from './installed-triggers.ts';
import { triggerSet, type TriggerSetDefinition } from './trigger-set.ts';

/**
 * Whether exactly this version of the set is installed and enabled. False after a schema change made
 * SQLite rebuild one of its tables (which drops the table's triggers), after an upgrade changed the
 * SQL, or when someone dropped or disabled one: the derived table may have missed writes since.
 */
export async function triggersAreCurrent(knex: Knex, definition: TriggerSetDefinition): Promise<boolean> {
	const expected = triggerSet(definition, requireDatabaseDialect(knex));
	const { triggers, functionComments } = await installedTriggers(knex, definition);
	if (expected.functionNames.some((name) => functionComments.get(name) !== expected.marker)) return false;
	return (
		triggers.length === expected.triggers.length &&
		expected.triggers.every(({ name, table }) => triggers.some((trigger) => trigger.name === name && trigger.table === table && trigger.enabled && trigger.text.includes(expected.marker)))
	);
}
