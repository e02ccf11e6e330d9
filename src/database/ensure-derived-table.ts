import type { Knex } from 'knex';
import { databaseDialect } from './database-dialect.ts';
import type { DerivedTable } from './derived-table.ts';
import { installTriggers } from './install-triggers.ts';
import { missingColumns } from './missing-columns.ts';
import { sqlName } from './sql-name.ts';
import { triggerSet } from './trigger-set.ts';
import { triggersAreCurrent } from './triggers-are-current.ts';

export type EnsureDerivedTableOutcome =
	| { status: 'unsupported'; client: string }
	| { status: 'not-kept'; dialect: string }
	| { status: 'schema-missing'; missing: string[] }
	| { status: 'ready'; version: string; installed: boolean; rebuilt: boolean; rows: number | null };

/**
 * Makes a derived table whole: installs this version's triggers unless they already are, and rebuilds
 * the table when it differs from what its sources call for (writes the triggers missed, edits by hand). All in one transaction; on PostgreSQL under the table's advisory lock and with writes to
 * it and its sources held back meanwhile, so concurrent start-ups and writers cannot interleave.
 * Changes nothing when the schema is not applied or the database is neither SQLite nor PostgreSQL.
 */
export async function ensureDerivedTable(knex: Knex, derived: DerivedTable): Promise<EnsureDerivedTableOutcome> {
	const dialect = databaseDialect(knex);
	if (dialect === null) return { status: 'unsupported', client: String(knex.client.config.client) };
	if (derived.dialects && !derived.dialects.includes(dialect)) return { status: 'not-kept', dialect };
	const missing = await missingColumns(knex, derived.columns);
	if (missing.length > 0) return { status: 'schema-missing', missing };
	const { version } = triggerSet(derived.triggers, dialect);
	return knex.transaction(async (trx) => {
		if (dialect === 'pg') {
			await trx.raw('SELECT pg_advisory_xact_lock(?)', [derived.advisoryLockKey]);
			await trx.raw(`LOCK TABLE ${Object.keys(derived.columns).map(sqlName).join(', ')} IN SHARE ROW EXCLUSIVE MODE`);
		}
		const current = await triggersAreCurrent(trx, derived.triggers);
		if (!current) await installTriggers(trx, derived.triggers);
		// Checked either way, and rebuilt only when it differs: writes the triggers missed show as a
		// difference, and an upgrade that only changes their SQL does not pay for a rebuild (the check costs a
		// fraction of one: docs/performance.md, "Why some checks read tables whole").
		const rebuild = !(await derived.isExact(trx));
		const rows = rebuild ? await derived.rebuild(trx) : null;
		return { status: 'ready', version, installed: !current, rebuilt: rebuild, rows };
	});
}
