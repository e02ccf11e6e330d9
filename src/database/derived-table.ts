import type { Knex } from 'knex';
import type { DatabaseDialect } from './database-dialect.ts';
import type { RequiredColumns } from './missing-columns.ts';
import type { TriggerSetDefinition } from './trigger-set.ts';

/**
 * A table the product derives from others and keeps exact with triggers, in the same transaction as
 * every write to its sources, whatever wrote it (Directus, a flow, an import straight into the
 * database). Rules read it because they could not afford to compute it per request.
 */
export interface DerivedTable {
	/** The table (a hidden, read-only Directus collection), or the table of the derived column. */
	readonly table: string;
	/** A derived column of `table`, which is otherwise the user's own: only writes that name it are refused. */
	readonly readOnlyField?: string;
	/** The databases it is kept on (both when left out); on others it is left alone and nothing reads it. */
	readonly dialects?: readonly DatabaseDialect[];
	readonly triggers: TriggerSetDefinition;
	/** The columns the triggers and checks read and write: the table's and its sources'. */
	readonly columns: RequiredColumns;
	/** The collections whose writes the triggers follow. */
	readonly sources: readonly string[];
	/** A PostgreSQL advisory lock key of its own, so instances starting together repair it one after the other. */
	readonly advisoryLockKey: number;
	/** Whether the table holds exactly what its sources call for, compared in the database. */
	readonly isExact: (knex: Knex) => Promise<boolean>;
	/** Recomputes it from its sources in one transaction; returns how many rows it holds. */
	readonly rebuild: (knex: Knex) => Promise<number>;
	/** What a write to it through Directus gets. */
	readonly readOnlyError: () => Error;
}
