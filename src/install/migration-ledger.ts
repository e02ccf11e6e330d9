/**
 * The record of what the product installed: one row per schema version applied to this database, in a
 * plain table of the product's (not a Directus collection, so no role can be given rights on it).
 */
import type { Knex } from 'knex';

export const ledgerTable = 'portal_migrations';

export interface LedgerRow {
	version: number;
	name: string;
	bundle_version: string;
	applied_at: string;
	/** The names the bundled collections were created under (`formatCollectionNames`); null on a ledger older than them, or '' when none was renamed. */
	collection_names?: string | null;
}

/** The versions applied, oldest first; null when the product never recorded an install here. */
export async function readLedger(knex: Knex): Promise<LedgerRow[] | null> {
	if (!(await knex.schema.hasTable(ledgerTable))) return null;
	const rows = (await knex(ledgerTable).select('*').orderBy('version')) as LedgerRow[];
	return rows.map((row) => ({ ...row, version: Number(row.version) }));
}

export async function ensureLedger(knex: Knex): Promise<void> {
	if (!(await knex.schema.hasTable(ledgerTable)))
		await knex.schema.createTable(ledgerTable, (table) => {
			table.integer('version').primary();
			table.string('name', 255).notNullable();
			table.string('bundle_version', 64).notNullable();
			table.timestamp('applied_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
		});
	// Ledgers of releases before the bundled collections could be renamed lack the column; their install kept the bundled names.
	if (!(await knex.schema.hasColumn(ledgerTable, 'collection_names')))
		await knex.schema.alterTable(ledgerTable, (table) => {
			table.text('collection_names').nullable();
		});
}

/** The names the first install recorded (`contacts:client_contacts,…`); '' for a ledger that recorded none. */
export function recordedCollectionNames(ledger: readonly LedgerRow[]): string {
	return ledger[0]?.collection_names ?? '';
}

export async function recordVersion(knex: Knex, row: Omit<LedgerRow, 'applied_at'>): Promise<void> {
	await knex(ledgerTable).insert(row);
}
