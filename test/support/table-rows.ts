/**
 * Every row of some tables, read straight from the database, and how two such readings differ: for
 * tests that promise data survives something (an upgrade). Rows are keyed by their `id` where the table
 * has one, else by their whole content; values are compared as JSON (dates as ISO strings, bytes as hex).
 */
import type { Knex } from 'knex';

/** Table name → row key → row. */
export type TableRows = Map<string, Map<string, Record<string, unknown>>>;

export interface RowDifferences {
	/** Rows that were there before and are gone, one readable line each. */
	lost: string[];
	/** Rows whose values changed (columns that exist only afterwards are not compared), one line per row. */
	changed: string[];
	/** How many rows each table gained. */
	added: Record<string, number>;
}

function plain(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString();
	if (Buffer.isBuffer(value)) return value.toString('hex');
	return value;
}

function keyOf(row: Record<string, unknown>): string {
	return 'id' in row && row['id'] !== null ? String(row['id']) : JSON.stringify(row);
}

export async function readTableRows(database: Knex, tables: readonly string[]): Promise<TableRows> {
	const result: TableRows = new Map();
	for (const table of tables) {
		const rows = (await database(table).select('*')) as Record<string, unknown>[];
		const byKey = new Map<string, Record<string, unknown>>();
		for (const row of rows) {
			const stored = Object.fromEntries(Object.entries(row).map(([column, value]) => [column, plain(value)]));
			byKey.set(keyOf(stored), stored);
		}
		result.set(table, byKey);
	}
	return result;
}

const shown = (value: unknown): string => {
	const text = JSON.stringify(value) ?? 'undefined';
	return text.length > 120 ? `${text.slice(0, 117)}...` : text;
};

/** What happened to the rows of `before` by the time of `after` (tables only in `after` are not looked at). */
export function compareTableRows(before: TableRows, after: TableRows): RowDifferences {
	const differences: RowDifferences = { lost: [], changed: [], added: {} };
	for (const [table, rows] of before) {
		const now = after.get(table);
		if (!now) {
			differences.lost.push(`${table}: the whole table (${rows.size} rows) is gone`);
			continue;
		}
		for (const [key, row] of rows) {
			const current = now.get(key);
			if (!current) {
				differences.lost.push(`${table} ${key}: ${shown(row)}`);
				continue;
			}
			const columns = Object.keys(row).filter(
				(column) => JSON.stringify(row[column]) !== JSON.stringify(current[column]),
			);
			if (columns.length > 0) {
				differences.changed.push(
					`${table} ${key}: ${columns.map((column) => `${column} ${shown(row[column])} → ${column in current ? shown(current[column]) : '(column gone)'}`).join('; ')}`,
				);
			}
		}
		const gained = [...now.keys()].filter((key) => !rows.has(key)).length;
		if (gained > 0) differences.added[table] = gained;
	}
	return differences;
}
