/**
 * A fresh database for one Directus under test: a temp SQLite file by default, a newly created
 * PostgreSQL database with `PORTAL_TEST_DB=postgres` (dropped again by `drop`).
 */
import { join } from 'node:path';
import { createPostgresDatabase, type ThrowAwayDatabase } from '../../scripts/lib/throw-away-postgres.ts';

export type TestDatabase = ThrowAwayDatabase;

export type TestDatabaseKind = 'sqlite' | 'postgres';

export function testDatabaseKind(): TestDatabaseKind {
	const kind = process.env['PORTAL_TEST_DB'] ?? 'sqlite';
	if (kind !== 'sqlite' && kind !== 'postgres')
		throw new Error(`PORTAL_TEST_DB must be sqlite or postgres, not "${kind}".`);
	return kind;
}

export async function createTestDatabase(folder: string): Promise<TestDatabase> {
	if (testDatabaseKind() === 'sqlite') {
		return { config: { client: 'sqlite3', filename: join(folder, 'test.db') }, drop: async () => undefined };
	}
	return createPostgresDatabase('portal_test');
}
