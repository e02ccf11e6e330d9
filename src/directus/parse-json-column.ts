/** A JSON column's value: SQLite hands it over as text, PostgreSQL already parsed; null when empty. */
export function parseJsonColumn(value: unknown): unknown {
	return typeof value === 'string' ? (JSON.parse(value) as unknown) : (value ?? null);
}
