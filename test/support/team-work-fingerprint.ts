/**
 * A fingerprint of a Directus team's own work, read straight from the database (SQLite or PostgreSQL), to
 * prove that installing, using, upgrading and uninstalling the product leaves it exactly as it was.
 *
 * What it covers, decided once and used by every lifecycle test:
 * - **The team's tables**: every table that is not `directus_*` at the moment the baseline is taken (before the
 *   product is installed, so they are all the team's). Every row (table → primary key → hash of the row), their
 *   row counts, and their schema as the database catalogue describes it: columns and types, constraints (primary,
 *   foreign, unique, check), indexes and triggers.
 * - **Directus's system tables**: every `directus_*` table but `directus_sessions` (a row comes with every sign-in
 *   and goes when it expires). Every row that exists in the baseline must stay, unchanged, in the columns the
 *   baseline had: columns the product adds to a system table (`directus_policies.portal_tree_path`) are its own
 *   and not read.
 * - **Columns Directus changes in its normal operation** are left out: `directus_users.last_access` and
 *   `last_page` (written at every sign-in and page the studio shows). Also left out, on purpose:
 *   `directus_settings.module_bar`, which the product changes itself to show its module in the studio's module bar
 *   (one entry added, the team's order kept).
 * - **New rows**: any new row in a team table is reported. A new system row is the product's (its collections,
 *   fields and relations, its role, policies, access rows and permissions, its portal users, its extension row) or
 *   Directus's own bookkeeping (activity, revisions, notifications) and is allowed — unless it attaches itself to
 *   the team's work: a field, relation, permission, preset or comment on one of the team's collections, a
 *   permission in one of the team's policies, an access row on one of the team's roles or users, a user in one of
 *   their roles, a panel on their dashboard, an operation in their flow, a file in their folder. Those are reported.
 *
 * Take the baseline with `fingerprintTeamWork(db)` before installing; later, `fingerprintTeamWork(db, baseline)`
 * reads the same tables and columns, and `teamWorkDifferences(baseline, later)` lists every difference in words.
 */
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';

/** One row: the hash of its values, and the values themselves (canonical text) to say what changed. */
export interface FingerprintedRow {
	hash: string;
	values: Record<string, string>;
}

export interface TeamWorkFingerprint {
	/** The team's tables (the non-`directus_*` tables of the baseline). */
	teamTables: string[];
	/** Table → the columns read (for system tables taken from the baseline, so the product's additions stay out). */
	columns: Record<string, string[]>;
	/** Table → primary key (columns joined by `/`) → row. */
	rows: Record<string, Record<string, FingerprintedRow>>;
	/** Team table → number of rows. */
	rowCounts: Record<string, number>;
	/** Team table → its definition in the database catalogue, one line per column, constraint, index or trigger. */
	schema: Record<string, string[]>;
}

/** Tables left out whole: what fills and empties itself while Directus runs. */
const volatileTables = new Set(['directus_sessions']);

/** Columns Directus (or, for `module_bar`, the product on purpose) changes in normal operation: never compared. */
const volatileColumns: Record<string, readonly string[]> = {
	directus_users: ['last_access', 'last_page'],
	directus_settings: ['module_bar'],
};

/**
 * How a new system row attaches itself to the team's work: a column and what it points at, a team collection
 * (`collection`) or the baseline's rows of a system table.
 */
const attachments: Record<string, readonly (readonly [column: string, target: 'collection' | string])[]> = {
	directus_collections: [
		['collection', 'collection'],
		['group', 'collection'],
	],
	directus_fields: [['collection', 'collection']],
	directus_relations: [
		['many_collection', 'collection'],
		['one_collection', 'collection'],
	],
	directus_permissions: [
		['collection', 'collection'],
		['policy', 'directus_policies'],
	],
	directus_access: [
		['role', 'directus_roles'],
		['user', 'directus_users'],
	],
	directus_users: [['role', 'directus_roles']],
	directus_roles: [['parent', 'directus_roles']],
	directus_presets: [
		['collection', 'collection'],
		['role', 'directus_roles'],
		['user', 'directus_users'],
	],
	directus_comments: [['collection', 'collection']],
	directus_shares: [
		['collection', 'collection'],
		['role', 'directus_roles'],
	],
	directus_versions: [['collection', 'collection']],
	directus_panels: [['dashboard', 'directus_dashboards']],
	directus_operations: [['flow', 'directus_flows']],
	directus_files: [['folder', 'directus_folders']],
	directus_folders: [['parent', 'directus_folders']],
};

const isSystemTable = (table: string) => table.startsWith('directus_');

/** Reads the fingerprint; with `baseline`, of the baseline's tables and, for system tables, the baseline's columns. */
export async function fingerprintTeamWork(db: Knex, baseline?: TeamWorkFingerprint): Promise<TeamWorkFingerprint> {
	const catalogue = catalogueOf(db);
	const present = await catalogue.tables();
	const tables = baseline
		? Object.keys(baseline.columns).filter((table) => present.includes(table))
		: present.filter((table) => !volatileTables.has(table));
	const teamTables = baseline ? baseline.teamTables : tables.filter((table) => !isSystemTable(table));

	const fingerprint: TeamWorkFingerprint = { teamTables, columns: {}, rows: {}, rowCounts: {}, schema: {} };
	for (const table of tables.sort()) {
		const existing = await catalogue.columns(table);
		const skipped = volatileColumns[table] ?? [];
		const wanted =
			baseline && isSystemTable(table)
				? (baseline.columns[table] ?? [])
				: existing.filter((column) => !skipped.includes(column));
		const columns = wanted.filter((column) => existing.includes(column));
		const key = await catalogue.primaryKey(table);
		fingerprint.columns[table] = columns;
		fingerprint.rows[table] = {};
		for (const row of (await db(table).select(columns)) as Record<string, unknown>[]) {
			const values = Object.fromEntries(columns.map((column) => [column, canonicalValue(row[column])]));
			const hash = createHash('sha256')
				.update(JSON.stringify(columns.map((column) => [column, values[column]])))
				.digest('hex');
			fingerprint.rows[table][key.length > 0 ? key.map((column) => String(row[column])).join('/') : hash] = {
				hash,
				values,
			};
		}
		if (teamTables.includes(table)) {
			fingerprint.rowCounts[table] = Object.keys(fingerprint.rows[table]).length;
			fingerprint.schema[table] = await catalogue.definition(table);
		}
	}
	return fingerprint;
}

/** Every difference of `later` from `baseline`, one readable line each (table, key, what); empty when none. */
export function teamWorkDifferences(baseline: TeamWorkFingerprint, later: TeamWorkFingerprint): string[] {
	const differences: string[] = [];
	for (const [table, columns] of Object.entries(baseline.columns)) {
		const now = later.columns[table];
		if (!now) {
			differences.push(`${table}: the table is gone`);
			continue;
		}
		for (const column of columns.filter((column) => !now.includes(column)))
			differences.push(`${table}: column ${column} is gone`);

		const before = baseline.rows[table] ?? {};
		const after = later.rows[table] ?? {};
		for (const [key, row] of Object.entries(before)) {
			const found = after[key];
			if (!found) differences.push(`${table} ${key}: vanished`);
			else if (found.hash !== row.hash) differences.push(`${table} ${key}: changed ${changedValues(row, found)}`);
		}
		const team = baseline.teamTables.includes(table);
		for (const [key, row] of Object.entries(after)) {
			if (key in before) continue;
			const attachment = team ? 'in a team table' : attachedTo(table, row, baseline);
			if (attachment) differences.push(`${table} ${key}: added ${attachment}`);
		}
	}
	for (const table of baseline.teamTables) {
		if (later.rowCounts[table] !== baseline.rowCounts[table])
			differences.push(`${table}: ${baseline.rowCounts[table]} rows before, ${later.rowCounts[table] ?? 'none'} now`);
		const before = baseline.schema[table] ?? [];
		const after = later.schema[table] ?? [];
		for (const line of before.filter((line) => !after.includes(line)))
			differences.push(`${table} schema: lost ${line}`);
		for (const line of after.filter((line) => !before.includes(line)))
			differences.push(`${table} schema: gained ${line}`);
	}
	return differences;
}

/** Says how a new system row attaches itself to the team's work, or null when it does not. */
function attachedTo(table: string, row: FingerprintedRow, baseline: TeamWorkFingerprint): string | null {
	for (const [column, target] of attachments[table] ?? []) {
		const value = row.values[column];
		if (value === undefined || value === 'null') continue;
		const plain = JSON.parse(value) as unknown;
		if (
			target === 'collection'
				? baseline.teamTables.includes(String(plain))
				: String(plain) in (baseline.rows[target] ?? {})
		) {
			return `with ${column} = ${String(plain)} (the team's)`;
		}
	}
	return null;
}

function changedValues(before: FingerprintedRow, after: FingerprintedRow): string {
	return [...new Set([...Object.keys(before.values), ...Object.keys(after.values)])]
		.filter((column) => before.values[column] !== after.values[column])
		.map((column) => `${column}: ${shortened(before.values[column])} → ${shortened(after.values[column])}`)
		.join(', ');
}

const shortened = (text: string | undefined) =>
	text === undefined ? '(not read)' : text.length > 80 ? `${text.slice(0, 77)}...` : text;

/** One value as canonical JSON text: dates as ISO strings, binary as hex, objects with sorted keys. */
function canonicalValue(value: unknown): string {
	return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return value.toISOString();
	if (Buffer.isBuffer(value)) return `hex:${value.toString('hex')}`;
	if (Array.isArray(value)) return value.map(canonical);
	if (typeof value === 'object') {
		return Object.fromEntries(
			Object.keys(value)
				.sort()
				.map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
		);
	}
	if (typeof value === 'bigint') return value.toString();
	return value;
}

interface Catalogue {
	tables(): Promise<string[]>;
	columns(table: string): Promise<string[]>;
	primaryKey(table: string): Promise<string[]>;
	/** Columns with types, constraints, indexes and triggers, one line each, sorted. */
	definition(table: string): Promise<string[]>;
}

function catalogueOf(db: Knex): Catalogue {
	return db.client.config.client === 'sqlite3' ? sqliteCatalogue(db) : postgresCatalogue(db);
}

function sqliteCatalogue(db: Knex): Catalogue {
	const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
	const tableInfo = async (table: string) =>
		(await db.raw(`pragma table_info(${quoted(table)})`)) as {
			name: string;
			type: string;
			notnull: number;
			dflt_value: string | null;
			pk: number;
		}[];
	return {
		async tables() {
			return (
				(await db.raw(
					`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`,
				)) as { name: string }[]
			).map((row) => row.name);
		},
		async columns(table) {
			return (await tableInfo(table)).map((column) => column.name);
		},
		async primaryKey(table) {
			return (await tableInfo(table))
				.filter((column) => column.pk > 0)
				.sort((a, b) => a.pk - b.pk)
				.map((column) => column.name);
		},
		async definition(table) {
			const lines = (await tableInfo(table)).map(
				(column) =>
					`column ${column.name} ${column.type}${column.notnull ? ' not null' : ''}${column.dflt_value === null ? '' : ` default ${column.dflt_value}`}${column.pk ? ` primary key ${column.pk}` : ''}`,
			);
			const keys = (await db.raw(`pragma foreign_key_list(${quoted(table)})`)) as {
				from: string;
				table: string;
				to: string | null;
				on_update: string;
				on_delete: string;
			}[];
			lines.push(
				...keys.map(
					(key) =>
						`foreign key ${key.from} references ${key.table}(${key.to ?? ''}) on update ${key.on_update} on delete ${key.on_delete}`,
				),
			);
			for (const index of (await db.raw(`pragma index_list(${quoted(table)})`)) as {
				name: string;
				unique: number;
				origin: string;
				partial: number;
			}[]) {
				const indexed = ((await db.raw(`pragma index_info(${quoted(index.name)})`)) as { name: string }[]).map(
					(column) => column.name,
				);
				// Automatic indexes (primary key, unique) are named by position: the columns say what they are.
				const name = index.name.startsWith('sqlite_autoindex_') ? `(${index.origin})` : index.name;
				lines.push(
					`index ${name}${index.unique ? ' unique' : ''}${index.partial ? ' partial' : ''} on ${indexed.join(', ')}`,
				);
			}
			const triggers = (await db.raw(`select name, sql from sqlite_master where type = 'trigger' and tbl_name = ?`, [
				table,
			])) as { name: string; sql: string }[];
			lines.push(...triggers.map((trigger) => `trigger ${trigger.name}: ${trigger.sql}`));
			return lines.sort();
		},
	};
}

function postgresCatalogue(db: Knex): Catalogue {
	const rows = async <T>(sql: string, bindings: readonly (string | number)[] = []) =>
		((await db.raw(sql, bindings)) as { rows: T[] }).rows;
	const relation = `(quote_ident(current_schema()) || '.' || quote_ident(?))::regclass`;
	return {
		async tables() {
			return (
				await rows<{ table_name: string }>(
					`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
				)
			).map((row) => row.table_name);
		},
		async columns(table) {
			return (
				await rows<{ column_name: string }>(
					`select column_name from information_schema.columns where table_schema = current_schema() and table_name = ? order by ordinal_position`,
					[table],
				)
			).map((row) => row.column_name);
		},
		async primaryKey(table) {
			return (
				await rows<{ attname: string }>(
					`select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
					 where i.indrelid = ${relation} and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)`,
					[table],
				)
			).map((row) => row.attname);
		},
		async definition(table) {
			const columns = await rows<{
				column_name: string;
				data_type: string;
				is_nullable: string;
				column_default: string | null;
				character_maximum_length: number | null;
				numeric_precision: number | null;
				numeric_scale: number | null;
			}>(
				`select column_name, data_type, is_nullable, column_default, character_maximum_length, numeric_precision, numeric_scale
				 from information_schema.columns where table_schema = current_schema() and table_name = ?`,
				[table],
			);
			const lines = columns.map(
				(column) =>
					`column ${column.column_name} ${column.data_type}${column.character_maximum_length === null ? '' : `(${column.character_maximum_length})`}${column.numeric_scale === null || column.data_type !== 'numeric' ? '' : `(${column.numeric_precision}, ${column.numeric_scale})`}${column.is_nullable === 'NO' ? ' not null' : ''}${column.column_default === null ? '' : ` default ${column.column_default}`}`,
			);
			const constraints = await rows<{ conname: string; definition: string }>(
				`select conname, pg_get_constraintdef(oid) as definition from pg_constraint where conrelid = ${relation}`,
				[table],
			);
			lines.push(...constraints.map((constraint) => `constraint ${constraint.conname}: ${constraint.definition}`));
			const indexes = await rows<{ indexname: string; indexdef: string }>(
				`select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = ?`,
				[table],
			);
			lines.push(...indexes.map((index) => `index ${index.indexname}: ${index.indexdef}`));
			const triggers = await rows<{ tgname: string; definition: string }>(
				`select tgname, pg_get_triggerdef(oid) as definition from pg_trigger where tgrelid = ${relation} and not tgisinternal`,
				[table],
			);
			lines.push(...triggers.map((trigger) => `trigger ${trigger.tgname}: ${trigger.definition}`));
			return lines.sort();
		},
	};
}
