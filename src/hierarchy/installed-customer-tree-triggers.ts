import type { Knex } from 'knex';
import { requireDatabaseDialect } from '../database/database-dialect.ts';
import { customerTreeTriggerPrefix } from './customer-tree-triggers.ts';

/** One of this product's triggers as the database holds it. */
export interface InstalledCustomerTreeTrigger {
	name: string;
	/** The trigger's SQL (SQLite) or comment (PostgreSQL): where the version marker is kept. */
	text: string;
	/** False for a PostgreSQL trigger someone disabled. */
	enabled: boolean;
}

/**
 * This product's triggers on `customers`, whatever their version, and the PostgreSQL trigger
 * function's comment (null on SQLite or when the function is missing).
 */
export async function installedCustomerTreeTriggers(knex: Knex): Promise<{ triggers: InstalledCustomerTreeTrigger[]; functionComment: string | null }> {
	const dialect = requireDatabaseDialect(knex);
	if (dialect === 'sqlite3') {
		const rows = (await knex.raw("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'customers'")) as { name: string; sql: string | null }[];
		return {
			triggers: rows.filter(({ name }) => name.startsWith(customerTreeTriggerPrefix)).map(({ name, sql }) => ({ name, text: sql ?? '', enabled: true })),
			functionComment: null,
		};
	}
	const triggers = (await knex.raw(
		`SELECT t.tgname AS name, COALESCE(obj_description(t.oid, 'pg_trigger'), '') AS text, t.tgenabled <> 'D' AS enabled
		FROM pg_trigger t WHERE t.tgrelid = to_regclass('customers') AND NOT t.tgisinternal`,
	)) as { rows: InstalledCustomerTreeTrigger[] };
	const fn = (await knex.raw(`SELECT obj_description(to_regprocedure('${customerTreeTriggerPrefix}_sync()'), 'pg_proc') AS comment`)) as {
		rows: { comment: string | null }[];
	};
	return {
		triggers: triggers.rows.filter(({ name }) => name.startsWith(customerTreeTriggerPrefix)),
		functionComment: fn.rows[0]?.comment ?? null,
	};
}
