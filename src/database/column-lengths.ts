/**
 * The longest text each column of a table takes (varchar(255) → 255), as the database says, kept a minute per
 * table. SQLite stores a longer text without a word and PostgreSQL refuses it with a database error: the portal
 * refuses it first, the same on both, in words.
 */
import type { Knex } from 'knex';

const keptMs = 60_000;
const kept = new Map<string, { at: number; lengths: Promise<Record<string, number>> }>();

export function columnLengths(knex: Knex, table: string, now = Date.now()): Promise<Record<string, number>> {
	const cached = kept.get(table);
	if (cached && now - cached.at < keptMs) return cached.lengths;
	const lengths = knex(table)
		.columnInfo()
		.then((columns) =>
			Object.fromEntries(
				Object.entries(columns).flatMap(([column, info]) => {
					const max = Number(info.maxLength);
					return Number.isInteger(max) && max > 0 ? [[column, max]] : [];
				}),
			),
		);
	kept.set(table, { at: now, lengths });
	lengths.catch(() => kept.delete(table));
	return lengths;
}

/** The fields of `payload` whose text is longer than its column takes, in characters (as PostgreSQL counts them). */
export function overlongFields(
	lengths: Record<string, number>,
	payload: Record<string, unknown>,
): { field: string; max: number }[] {
	return Object.entries(payload).flatMap(([field, value]) => {
		const max = lengths[field];
		return typeof value === 'string' && max !== undefined && [...value].length > max ? [{ field, max }] : [];
	});
}
