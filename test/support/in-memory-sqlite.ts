import knex, { type Knex } from 'knex';

/** A private in-memory SQLite on one connection, with foreign keys enforced as Directus's connections do, or not, as a raw import's may. */
export function inMemorySqlite(foreignKeys: boolean): Knex {
	return knex({
		client: 'sqlite3',
		connection: { filename: ':memory:' },
		useNullAsDefault: true,
		pool: {
			min: 1,
			max: 1,
			afterCreate: (connection: { run(sql: string, done: () => void): void }, done: () => void) =>
				connection.run(`PRAGMA foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`, done),
		},
	});
}
