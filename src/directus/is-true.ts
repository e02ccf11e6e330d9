/** A boolean as the databases return it (SQLite and MySQL: 1 or '1'; PostgreSQL: true) or as an env variable gives it. */
export function isTrue(value: unknown): boolean {
	return value === true || value === 1 || value === '1' || value === 'true';
}
