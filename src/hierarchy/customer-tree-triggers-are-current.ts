import type { Knex } from 'knex';
import { requireDatabaseDialect } from '../database/database-dialect.ts';
import { customerTreeTriggers } from './customer-tree-triggers.ts';
import { installedCustomerTreeTriggers } from './installed-customer-tree-triggers.ts';

/**
 * Whether exactly this version's triggers are installed and enabled. False after a schema change
 * made SQLite rebuild `customers` (which drops its triggers), after an upgrade changed the SQL, or
 * when someone dropped or disabled one: `customer_tree` may have missed writes since.
 */
export async function customerTreeTriggersAreCurrent(knex: Knex): Promise<boolean> {
	const dialect = requireDatabaseDialect(knex);
	const expected = customerTreeTriggers(dialect);
	const { triggers, functionComment } = await installedCustomerTreeTriggers(knex);
	if (expected.functionName !== null && functionComment !== expected.marker) return false;
	return (
		triggers.length === expected.triggerNames.length &&
		expected.triggerNames.every((name) => triggers.some((trigger) => trigger.name === name && trigger.enabled && trigger.text.includes(expected.marker)))
	);
}
