/**
 * The product's schema versions, oldest first. Each runs once per database, under the install lock, in
 * the install's transaction, and is recorded in the ledger. After them, every start adds whatever of the
 * current snapshot is missing (a field staff deleted by hand, say), so a migration only needs to do what
 * adding cannot: move data, rename, change a type. Append; never edit a released one.
 */
import type { ExtensionsServices, Snapshot } from '@directus/types';
import type { Knex } from 'knex';
import { addMissingSchema } from './add-missing-schema.ts';
import type { ProductNames } from './product-schema.ts';

export interface MigrationContext {
	services: ExtensionsServices;
	knex: Knex;
	snapshot: Snapshot;
	names: ProductNames;
}

export interface SchemaMigration {
	version: number;
	name: string;
	up(context: MigrationContext): Promise<void>;
}

export const schemaMigrations: readonly SchemaMigration[] = [
	{
		version: 1,
		name: 'help-desk schema',
		up: async ({ services, knex, snapshot, names }) => {
			await addMissingSchema(services, knex, snapshot, names);
		},
	},
];

export const latestSchemaVersion = Math.max(...schemaMigrations.map(({ version }) => version));
