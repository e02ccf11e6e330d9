import type { Knex } from 'knex';
import { requireDatabaseDialect } from './database-dialect.ts';
import { type InstalledTriggerSet, installedTriggerSets } from './installed-triggers.ts';
import { triggerSet, type TriggerSet, type TriggerSetDefinition } from './trigger-set.ts';

/**
 * Whether exactly this version of the set is installed and enabled. False after a schema change made
 * SQLite rebuild one of its tables (which drops the table's triggers), after an upgrade changed the
 * SQL, or when someone dropped or disabled one (the derived table may have missed writes since), or
 * dropped one of its indexes; and when the data map moved them: the set is then found on another table.
 */
export async function triggersAreCurrent(knex: Knex, definition: TriggerSetDefinition): Promise<boolean> {
	return (await staleTriggerSets(knex, [definition])).length === 0;
}

/** The sets of which this version is not installed and enabled (see `triggersAreCurrent`), read in one query. */
export async function staleTriggerSets<Definition extends TriggerSetDefinition>(
	knex: Knex,
	definitions: readonly Definition[],
): Promise<Definition[]> {
	const dialect = requireDatabaseDialect(knex);
	const installed = await installedTriggerSets(knex, definitions);
	return definitions.filter(
		(definition, index) => !isCurrent(triggerSet(definition, dialect), installed[index] as InstalledTriggerSet),
	);
}

function isCurrent(expected: TriggerSet, { triggers, functionComments, indexes }: InstalledTriggerSet): boolean {
	if (expected.functionNames.some((name) => functionComments.get(name) !== expected.marker)) return false;
	if (
		expected.indexes.some(({ name, table }) => !indexes.some((index) => index.name === name && index.table === table))
	)
		return false;
	return (
		triggers.length === expected.triggers.length &&
		expected.triggers.every(({ name, table }) =>
			triggers.some(
				(trigger) =>
					trigger.name === name && trigger.table === table && trigger.enabled && trigger.text.includes(expected.marker),
			),
		)
	);
}
