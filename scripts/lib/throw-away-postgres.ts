/**
 * A new PostgreSQL database on the local server (or the one PORTAL_TEST_PG_* names), dropped again by
 * `drop`: for the tests, the benchmark and the schema snapshot, which each need a database of their own.
 */
import { randomBytes } from 'node:crypto';
import knex, { type Knex } from 'knex';
import type { DatabaseConfig } from './directus-instance.ts';

export type PostgresConfig = Extract<DatabaseConfig, { client: 'pg' }>;

export interface ThrowAwayDatabase<Config extends DatabaseConfig = DatabaseConfig> {
	config: Config;
	drop(): Promise<void>;
}

export function postgresServer(): Omit<PostgresConfig, 'client' | 'database'> {
	const password = process.env['PORTAL_TEST_PG_PASSWORD'];
	return {
		host: process.env['PORTAL_TEST_PG_HOST'] ?? '127.0.0.1',
		port: Number(process.env['PORTAL_TEST_PG_PORT'] ?? 5432),
		user: process.env['PORTAL_TEST_PG_USER'] ?? 'postgres',
		...(password ? { password } : {}),
	};
}

async function onServer<T>(work: (server: Knex) => Promise<T>): Promise<T> {
	const server = knex({
		client: 'pg',
		connection: { ...postgresServer(), database: 'postgres' },
		pool: { min: 0, max: 1 },
	});
	try {
		return await work(server);
	} finally {
		await server.destroy();
	}
}

/** A new PostgreSQL database named `<prefix>_<random>`. */
export async function createPostgresDatabase(prefix: string): Promise<ThrowAwayDatabase<PostgresConfig>> {
	const name = `${prefix}_${randomBytes(6).toString('hex')}`;
	await onServer((server) => server.raw(`CREATE DATABASE ${name}`));
	return {
		config: { client: 'pg', ...postgresServer(), database: name },
		drop: () => onServer(async (server) => void (await server.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
	};
}
