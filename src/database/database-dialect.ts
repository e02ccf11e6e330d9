import type { Knex } from 'knex';

/** The databases the product's triggers are written for. */
export type DatabaseDialect = 'sqlite3' | 'pg';

/** Which trigger SQL `knex` needs, or null on a database the product does not support (MySQL, …). */
export function databaseDialect(knex: Knex): DatabaseDialect | null {
	const client: unknown = knex.client.config.client;
	if (client === 'sqlite3') return 'sqlite3';
	if (client === 'pg' || client === 'postgres' || client === 'postgresql') return 'pg';
	return null;
}

/** Like `databaseDialect`, for code that cannot go on without one. */
export function requireDatabaseDialect(knex: Knex): DatabaseDialect {
	const dialect = databaseDialect(knex);
	if (dialect === null)
		throw new Error(`Customer Portal needs SQLite or PostgreSQL, not "${String(knex.client.config.client)}".`);
	return dialect;
}
