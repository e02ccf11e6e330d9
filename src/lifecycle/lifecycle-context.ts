import type { ExtensionsServices, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import type { DirectusContext } from '../directus/directus-context.ts';

/**
 * What changing the product's schema needs from Directus: its services, knex, and the schema read afresh
 * after each change (a service built on a stale schema misses what the last change did). Services built
 * from it act as admin: this is the product's own maintenance.
 */
export interface LifecycleContext {
	services: ExtensionsServices;
	knex: Knex;
	getSchema: () => Promise<SchemaOverview>;
}

/** A maintenance context on the schema as it is now. */
export async function currentContext(context: LifecycleContext): Promise<DirectusContext> {
	return { services: context.services, knex: context.knex, schema: await context.getSchema() };
}
