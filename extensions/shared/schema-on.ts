import type { HookExtensionContext, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';

/**
 * The schema for work on `knex`: the event's own where it came with one. Inside a transaction it is read on
 * that transaction, not through Directus's cache: a cached read waits (up to three times
 * CACHE_SCHEMA_SYNC_TIMEOUT) for a build started elsewhere, which may itself be waiting for this
 * transaction's locks or, on SQLite, for its one connection.
 */
export async function schemaOn(
	getSchema: HookExtensionContext['getSchema'],
	knex: Knex,
	given?: SchemaOverview | null,
): Promise<SchemaOverview> {
	if (given) return given;
	return getSchema(knex.isTransaction ? { database: knex, bypassCache: true } : { database: knex });
}
