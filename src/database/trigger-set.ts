import { createHash } from 'node:crypto';
import type { DatabaseDialect } from './database-dialect.ts';
import { sqlName } from './sql-name.ts';

/**
 * A set of triggers this product keeps on some tables (and, on PostgreSQL, the trigger functions they
 * call, and any index the rules need to read what they keep), versioned by its SQL, so that start-up
 * can tell whether the installed ones are exactly these.
 */

/** Where a definition puts the version marker in a SQLite trigger body (`BEGIN /* ${triggerMarker} *\/ …`). */
export const triggerMarker = '{{marker}}';

export interface TriggerSetSql {
	/** PostgreSQL only: trigger functions by name, each a PL/pgSQL body (`BEGIN … END`). */
	readonly functions: Readonly<Record<string, string>>;
	/**
	 * Triggers by name: the table they are on (as the database names it; the definition writes it as `sqlName`
	 * does) and what follows `CREATE TRIGGER <name>`, e.g.
	 * `AFTER INSERT ON tickets FOR EACH ROW BEGIN /* {{marker}} *\/ … END` (SQLite) or
	 * `AFTER INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION <function>()` (PostgreSQL).
	 */
	readonly triggers: Readonly<Record<string, { table: string; definition: string }>>;
	/**
	 * Indexes the portal's rules need to read what the set keeps, by name: the table and what follows
	 * `ON <table>`, e.g. `(customer_path text_pattern_ops)`. Created when missing and never changed, so a new
	 * definition needs a new name.
	 */
	readonly indexes?: Readonly<Record<string, { table: string; definition: string }>>;
}

export interface TriggerSetDefinition {
	/** Every trigger and function of the set is named with this prefix, and nothing else is. */
	readonly prefix: string;
	/** The derived table the set keeps, for the marker and messages. */
	readonly keeps: string;
	readonly sql: (dialect: DatabaseDialect) => TriggerSetSql;
}

export interface TriggerSet {
	/** A fingerprint of the SQL: it changes whenever the definition does. */
	readonly version: string;
	/** The text every installed trigger and function carries, to tell the installed version. */
	readonly marker: string;
	readonly triggers: readonly { name: string; table: string }[];
	readonly functionNames: readonly string[];
	readonly indexNames: readonly string[];
	/** The set's indexes with the table each is on. */
	readonly indexes: readonly { name: string; table: string }[];
	/** Statements that (re)create everything, one per `knex.raw`; run after dropping the old triggers. */
	readonly statements: readonly string[];
}

function statementsOf({ functions, triggers, indexes = {} }: TriggerSetSql, dialect: DatabaseDialect): string[] {
	const functionStatements = Object.entries(functions).flatMap(([name, body]) => [
		`CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $function$\n${body}\n$function$`,
		`COMMENT ON FUNCTION ${name}() IS '${triggerMarker}'`,
	]);
	const triggerStatements = Object.entries(triggers).flatMap(([name, { table, definition }]) =>
		dialect === 'pg'
			? [
					`DROP TRIGGER IF EXISTS ${name} ON ${sqlName(table)}`,
					`CREATE TRIGGER ${name} ${definition}`,
					`COMMENT ON TRIGGER ${name} ON ${sqlName(table)} IS '${triggerMarker}'`,
				]
			: [`DROP TRIGGER IF EXISTS ${name}`, `CREATE TRIGGER ${name} ${definition}`],
	);
	const indexStatements = Object.entries(indexes).map(
		([name, { table, definition }]) => `CREATE INDEX IF NOT EXISTS ${name} ON ${sqlName(table)} ${definition}`,
	);
	return [...functionStatements, ...triggerStatements, ...indexStatements];
}

const built = new WeakMap<TriggerSetDefinition, Map<DatabaseDialect, TriggerSet>>();

/** The set for `dialect`, with the version it carries (built once: writes to the tables check it). */
export function triggerSet(definition: TriggerSetDefinition, dialect: DatabaseDialect): TriggerSet {
	const byDialect = built.get(definition) ?? new Map<DatabaseDialect, TriggerSet>();
	built.set(definition, byDialect);
	const cached = byDialect.get(dialect);
	if (cached) return cached;
	const sql = definition.sql(dialect);
	const names = [...Object.keys(sql.functions), ...Object.keys(sql.triggers), ...Object.keys(sql.indexes ?? {})];
	const foreign = names.find((name) => !name.startsWith(definition.prefix));
	if (foreign !== undefined)
		throw new Error(`Trigger, function or index ${foreign} does not start with ${definition.prefix}.`);
	const statements = statementsOf(sql, dialect);
	const version = createHash('sha256').update(statements.join(';\n')).digest('hex').slice(0, 12);
	const marker = `customer-portal ${definition.keeps} ${version}`;
	const set: TriggerSet = {
		version,
		marker,
		triggers: Object.entries(sql.triggers).map(([name, { table }]) => ({ name, table })),
		functionNames: Object.keys(sql.functions),
		indexNames: Object.keys(sql.indexes ?? {}),
		indexes: Object.entries(sql.indexes ?? {}).map(([name, { table }]) => ({ name, table })),
		statements: statements.map((statement) => statement.replaceAll(triggerMarker, marker)),
	};
	byDialect.set(dialect, set);
	return set;
}
