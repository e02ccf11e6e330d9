/**
 * A fresh database for one Directus under test: a temp SQLite file by default, a newly created
 * PostgreSQL database with `PORTAL_TEST_DB=postgres` (dropped again by `drop`).
 */
import { randomBytes } from 'node:crypto';
import knex, { type Knex } from 'knex';
import { join } from 'node:path';
import type { DatabaseConfig } from '../../scripts/lib/directus-instance.ts';

export interface TestDatabase {
	config: DatabaseConfig;
	drop(): Promise<void>;
}

export type TestDatabaseKind = 'sqlite' | 'postgres';

export function testDatabaseKind(): TestDatabaseKind {
	const kind = process.env['PORTAL_TEST_DB'] ?? 'sqlite';
	if (kind !== 'sqlite' && kind !== 'postgres') throw new Error(`PORTAL_TEST_DB must be sqlite or postgres, not "${kind}".`);
	return kind;
}

function postgresServer(): { host: string; port: number; user: string; database: string; password?: string } {
	const password = process.env['PORTAL_TEST_PG_PASSWORD'];
	return {
		host: process.env['PORTAL_TEST_PG_HOST'] ?? '127.0.0.1',
		port: Number(process.env['PORTAL_TEST_PG_PORT'] ?? 5432),
		user: process.env['PORTAL_TEST_PG_USER'] ?? 'postgres',
		database: 'postgres',
		...(password ? { password } : {}),
	};
}

async function onServer<T>(work: (server: Knex) => Promise<T>): Promise<T> {
	const server = knex({ client: 'pg', connection: postgresServer(), pool: { min: 0, max: 1 } });
	try {
		return await work(server);
	} finally {
		await server.destroy();
	}
}

export async function createTestDatabase(folder: string): Promise<TestDatabase> {
	if (testDatabaseKind() === 'sqlite') {
		return { config: { client: 'sqlite3', filename: join(folder, 'test.db') }, drop: async () => undefined };
	}
	return createPostgresDatabase('portal_test');
}

/** A new PostgreSQL database named `<prefix>_<random>`, whatever the run uses: for tests that need PostgreSQL itself. */
export async function createPostgresDatabase(prefix: string): Promise<TestDatabase & { config: Extract<DatabaseConfig, { client: 'pg' }> }> {
	const server = postgresServer();
	const name = `${prefix}_${randomBytes(6).toString('hex')}`;
	await onServer((server) => server.raw(`CREATE DATABASE ${name}`));
	return {
		config: {
			client: 'pg',
			host: server.host,
			port: server.port,
			user: server.user,
			database: name,
			...(typeof server.password === 'string' ? { password: server.password } : {}),
		},
		drop: () => onServer(async (server) => void (await server.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
	};
}
