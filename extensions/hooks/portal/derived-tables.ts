/**
 * The tables the product derives (`customer_tree` with `customers.tree_path`, `ticket_followers`, and on
 * PostgreSQL `tickets.customer_path`) are
 * kept by database triggers (src/database/), in the same transaction as every write to their sources —
 * Directus runs `items.*` filters outside the write's transaction, and imports may bypass Directus.
 * This hook installs the triggers and repairs the tables when Directus starts, puts the triggers back
 * before a write when they went missing, and keeps hands off the tables; all on the collections of the data
 * map the portal runs on, read per write.
 */
import { isDirectusError } from '@directus/errors';
import type { HookExtensionContext, RegisterFunctions } from '@directus/types';
import type { Knex } from 'knex';
import { missingSchemaAdvice } from '../../../src/doctor/check-schema.ts';
import { databaseDialect } from '../../../src/database/database-dialect.ts';
import type { DerivedTable } from '../../../src/database/derived-table.ts';
import { derivedTablesOf } from '../../../src/database/derived-tables-of.ts';
import { bundledDataMap, type DataMap } from '../../../src/data-map/data-map.ts';
import { fetchDataMap } from '../../../src/settings/fetch-data-map.ts';
import { ensureDerivedTable, type EnsureDerivedTableOutcome } from '../../../src/database/ensure-derived-table.ts';
import { staleTriggerSets } from '../../../src/database/triggers-are-current.ts';

type Logger = HookExtensionContext['logger'];

export function registerDerivedTables(
	{ init, filter }: RegisterFunctions,
	{ database, logger }: HookExtensionContext,
): void {
	const report = reporter(logger);
	const bundled = bundledDataMap();

	/** The derived tables of each map the portal has run on, built once per map (`fetchDataMap` keeps its object). */
	const tablesOfMap = new WeakMap<DataMap, readonly DerivedTable[]>();
	const tablesOf = (map: DataMap) => {
		let tables = tablesOfMap.get(map);
		if (!tables) tablesOfMap.set(map, (tables = derivedTablesOf(map)));
		return tables;
	};

	/**
	 * The derived tables of the data map the portal runs on now, read per write (one primary-key read) so that a
	 * map saved on any instance holds here from the next write. Without portal settings to read (the portal's
	 * schema not applied) the bundled collections', whose missing tables `ensureDerivedTable` then reports; a
	 * stored map that is not even shaped like one keeps nothing (the doctor keeps the portal closed over it).
	 */
	let misshapenReported = false;
	const runningTables = async (knex: Knex): Promise<readonly DerivedTable[]> => {
		try {
			return tablesOf(await fetchDataMap({ knex }));
		} catch (error) {
			if (!isDirectusError(error, 'INVALID_DATA_MAP')) return tablesOf(bundled);
			if (!misshapenReported)
				logger.error(
					error,
					'Customer Portal: the stored data map is not shaped like one; the tables the portal derives are not kept until it is fixed.',
				);
			misshapenReported = true;
			return [];
		}
	};

	// `app.after` fires once the server is built and before it listens, in `directus start` only (CLI
	// commands such as `schema apply` emit `cli.*` instead): no request can write before this is done.
	init('app.after', async () => {
		for (const derived of await runningTables(database)) {
			try {
				report(derived, await ensureDerivedTable(database, derived), 'at start-up');
			} catch (error) {
				logger.error(
					error,
					`Customer Portal: could not install the triggers that keep ${derived.table}; it is not being kept.`,
				);
			}
		}
	});

	/**
	 * Before each write to a source: on SQLite a schema change to a table (a new field, say) makes
	 * Directus rebuild it, which drops its triggers; put them back, and repair, before the write.
	 * One catalogue query for every set kept on the table when all is well.
	 */
	const keepTriggers = async (trx: Knex, kept: readonly DerivedTable[]): Promise<void> => {
		const dialect = databaseDialect(trx);
		if (dialect === null) return;
		const here = kept.filter(({ dialects }) => !dialects || dialects.includes(dialect));
		if (here.length === 0) return;
		const stale = await staleTriggerSets(
			trx,
			here.map(({ triggers }) => triggers),
		);
		for (const derived of here.filter(({ triggers }) => stale.includes(triggers))) {
			report(derived, await ensureDerivedTable(trx, derived), `before a write to ${derived.sources.join(' or ')}`);
		}
	};

	// Every collection's writes (Directus emits `items.*` for each): the map says which are sources and which
	// are derived. Directus has no read-only collections or fields of its own to stop an admin or a flow.
	for (const action of ['create', 'update', 'delete'] as const) {
		filter(`items.${action}`, async (payload, { collection }, { database: trx }) => {
			const tables = await runningTables(trx);
			for (const derived of tables) {
				if (derived.table !== collection) continue;
				const field = derived.readOnlyField;
				if (field === undefined) throw derived.readOnlyError();
				if (action !== 'delete' && typeof payload === 'object' && payload !== null && field in payload)
					throw derived.readOnlyError();
			}
			await keepTriggers(
				trx,
				tables.filter(({ sources }) => sources.includes(String(collection))),
			);
			return payload;
		});
	}
}

/** Logs what `ensureDerivedTable` did, each distinct warning once. */
function reporter(logger: Logger): (derived: DerivedTable, outcome: EnsureDerivedTableOutcome, when: string) => void {
	const warned = new Set<string>();
	const warn = (message: string) => {
		if (warned.has(message)) return;
		warned.add(message);
		logger.warn(message);
	};
	return ({ triggers, sources }, outcome, when) => {
		if (outcome.status === 'not-kept') return;
		// What is kept: a table, or a table's column.
		const table = triggers.keeps;
		if (outcome.status === 'unsupported') {
			warn(
				`Customer Portal: ${table} needs SQLite or PostgreSQL; on "${outcome.client}" it is not kept, so the portal's rules that read it see nothing.`,
			);
		} else if (outcome.status === 'schema-missing') {
			warn(
				`Customer Portal: the help-desk schema is not applied (missing ${outcome.missing.join(', ')}), so ${table} is not kept. ${missingSchemaAdvice}`,
			);
		} else if (outcome.installed && when === 'at start-up') {
			const state = outcome.rebuilt ? `${table} rebuilt (${outcome.rows} rows)` : `${table} exact`;
			logger.info(
				`Customer Portal: the triggers that keep ${table} (version ${outcome.version}) installed ${when}; ${state}.`,
			);
		} else if (outcome.installed) {
			const state = outcome.rebuilt ? `rebuilt ${table} (${outcome.rows} rows)` : `${table} was still exact`;
			logger.warn(
				`Customer Portal: the triggers that keep ${table} were missing or outdated ${when} (on SQLite a schema change to ${sources.join(', ')} drops them); ` +
					`reinstalled them (version ${outcome.version}); ${state}.`,
			);
		} else if (outcome.rebuilt) {
			logger.warn(
				`Customer Portal: ${table} did not match ${sources.join(', ')} ${when} and was rebuilt (${outcome.rows} rows).`,
			);
		} else {
			logger.info(
				`Customer Portal: the triggers that keep ${table} (version ${outcome.version}) in place; ${table} exact.`,
			);
		}
	};
}
