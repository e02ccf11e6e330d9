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
