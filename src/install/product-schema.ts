/**
 * The help-desk schema this version of the product brings, as Directus snapshots (one per database
 * vendor: a snapshot carries column types, and PostgreSQL's uuid is SQLite's char(36)), and the names in
 * it the product owns.
 */
import type { Snapshot } from '@directus/types';
import type { DatabaseDialect } from '../database/database-dialect.ts';
import sqliteSnapshot from '../../schema-snapshot/snapshot.json' with { type: 'json' };
import postgresSnapshot from '../../schema-snapshot/snapshot.postgres.json' with { type: 'json' };

export function productSnapshot(dialect: DatabaseDialect): Snapshot {
	return structuredClone((dialect === 'pg' ? postgresSnapshot : sqliteSnapshot) as unknown as Snapshot);
}

/** What the product puts on a Directus schema: its collections (tables and folders) and the fields it adds to Directus's own collections. */
export interface ProductNames {
	collections: string[];
	/** `collection.field` on `directus_*` collections. */
	systemFields: string[];
}

export function productNames(snapshot: Snapshot): ProductNames {
	return {
		collections: snapshot.collections.map(({ collection }) => collection),
		systemFields: snapshot.fields
			.filter(({ collection }) => collection.startsWith('directus_'))
			.map(({ collection, field }) => `${collection}.${field}`),
	};
}
