import type { DatabaseDialect } from './database-dialect.ts';

/** Column types of a many-to-one by the Directus type of the key it holds, as Directus creates them. */
const columnTypes: Readonly<Record<DatabaseDialect, Readonly<Record<string, string>>>> = {
	pg: { integer: 'integer', bigInteger: 'bigint', uuid: 'uuid', string: 'varchar(255)' },
	// Directus keeps a uuid in a `char(36)` on SQLite.
	sqlite3: { integer: 'integer', bigInteger: 'bigint', uuid: 'char(36)', string: 'varchar(255)' },
};

/** The column type on `dialect` for a many-to-one to a key of Directus type `keyType`; null for a type keys do not have. */
export function keyColumnType(dialect: DatabaseDialect, keyType: string): string | null {
	return columnTypes[dialect][keyType] ?? null;
}
