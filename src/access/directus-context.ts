import type { ExtensionsServices, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';

/**
 * What the product's maintenance code needs from Directus: its services, the schema and a knex (often a
 * transaction). Services built from it act as admin (`accountability: null`): this is the product's
 * own maintenance, never work done on a contact's behalf.
 */
export interface DirectusContext {
	services: ExtensionsServices;
	schema: SchemaOverview;
	knex: Knex;
}

/** Runs `work` in one transaction, with services bound to it. */
export async function inTransaction<T>(context: DirectusContext, work: (context: DirectusContext) => Promise<T>): Promise<T> {
	return context.knex.transaction((trx) => work({ ...context, knex: trx }));
}

export function adminService(context: DirectusContext, collection: string) {
	return new context.services.ItemsService(collection, { knex: context.knex, schema: context.schema, accountability: null });
}

/**
 * Clears Directus's permission caches (policies, roles, permissions by user). Directus clears them when
 * its services change access, but inside the caller's transaction: call this after the commit.
 */
export async function clearPermissionCaches(context: DirectusContext): Promise<void> {
	const access = new context.services.AccessService({ knex: context.knex, schema: context.schema, accountability: null });
	// `clearCaches` is public on Directus's AccessService, though the extension types do not list it.
	await (access as unknown as { clearCaches(): Promise<void> }).clearCaches();
}
