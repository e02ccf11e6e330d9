/**
 * The default-priority trigger on the tables a data map names: the bundled map's SQL as the product always
 * installed it, and on an in-memory SQLite the second schema (`test/support/second-schema/`) given priorities
 * of its own (`case_priorities`: `standard`, `rank`; `cases.urgency`), written to with plain SQL as any importer
 * would; its order without `is_default` or `sort`; names SQL must quote; the trigger moving with the map, and
 * going where the map has no priorities.
 */
import type { Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { bundledDataMap, type DataMap } from '../../../src/data-map/data-map.ts';
import { defaultPrioritySql } from '../../../src/tickets/default-priority-sql.ts';
import { defaultPriorityTrigger, ensureDefaultPriority } from '../../../src/tickets/ensure-default-priority.ts';
import { inMemorySqlite } from '../../support/in-memory-sqlite.ts';
import { Random } from '../../support/random.ts';
import { secondSchemaMap } from '../../support/second-schema/second-schema-map.ts';

/** The second schema's map with priorities: `case_priorities` and the cases' `urgency`. */
function withPriorities(
	fields: Partial<NonNullable<DataMap['ticket_priorities']>['fields']> = {},
	collection = 'case_priorities',
): DataMap {
	const map = secondSchemaMap();
	const tickets = map.tickets as NonNullable<DataMap['tickets']>;
	return {
		...map,
		tickets: { ...tickets, fields: { ...tickets.fields, priority: 'urgency' } },
		ticket_priorities: {
			collection,
			fields: { id: 'id', name: 'label', sort: 'rank', color: null, is_default: 'standard', ...fields },
		},
	};
}

async function openDatabase(): Promise<Knex> {
	const db = inMemorySqlite(true);
	await db.raw(
		'CREATE TABLE ticket_priorities (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, name varchar(255) NULL, sort integer NULL, is_default boolean NOT NULL DEFAULT 0)',
	);
	await db.raw('CREATE TABLE tickets (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, priority integer NULL)');
	await db.raw(
		'CREATE TABLE case_priorities (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, label varchar(255) NULL, rank integer NULL, standard boolean NOT NULL DEFAULT 0)',
	);
	await db.raw(
		'CREATE TABLE cases (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, title varchar(255) NULL, urgency integer NULL)',
	);
	return db;
}

/** Where the trigger is, by table, as SQLite holds it. */
const triggerTables = async (db: Knex) =>
	(
		(await db('sqlite_master').select('tbl_name').where({ type: 'trigger', name: defaultPriorityTrigger })) as {
			tbl_name: string;
		}[]
	).map((row) => row.tbl_name);

/** The statements `run` sends to the database. */
async function statementsOf(db: Knex, run: () => Promise<void>): Promise<string[]> {
	const sent: string[] = [];
	const listener = (query: { sql: string }) => sent.push(query.sql);
	db.on('query', listener);
	try {
		await run();
	} finally {
		db.off('query', listener);
	}
	return sent;
}

describe('The default-priority trigger’s SQL', () => {
	test('On the bundled map is what the product always installed, byte for byte', () => {
		const query = 'SELECT id FROM ticket_priorities ORDER BY is_default DESC, sort IS NULL, sort ASC, id ASC LIMIT 1';
		expect(defaultPrioritySql(bundledDataMap(), 'sqlite3')?.statements).toEqual([
			'DROP TRIGGER IF EXISTS portal_tickets_default_priority',
			`CREATE TRIGGER portal_tickets_default_priority AFTER INSERT ON tickets FOR EACH ROW WHEN NEW.priority IS NULL
		BEGIN UPDATE tickets SET priority = (${query}) WHERE id = NEW.id; END`,
		]);
		expect(defaultPrioritySql(bundledDataMap(), 'pg')?.statements).toEqual([
			`CREATE OR REPLACE FUNCTION portal_tickets_default_priority() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF NEW.priority IS NULL THEN NEW.priority := (${query}); END IF;
			RETURN NEW;
		END $$`,
			'DROP TRIGGER IF EXISTS portal_tickets_default_priority ON tickets',
			'CREATE TRIGGER portal_tickets_default_priority BEFORE INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION portal_tickets_default_priority()',
		]);
	});

	test('Is none where the map has no tickets, no priorities or no ticket priority', () => {
		const map = withPriorities();
		const tickets = map.tickets as NonNullable<DataMap['tickets']>;
		for (const without of [
			{ ...map, tickets: null },
			{ ...map, ticket_priorities: null },
			{ ...map, tickets: { ...tickets, fields: { ...tickets.fields, priority: null } } },
			secondSchemaMap(),
		])
			for (const dialect of ['sqlite3', 'pg'] as const) expect(defaultPrioritySql(without, dialect)).toBeNull();
	});

	test('Names only the mapped tables and columns', () => {
		for (const dialect of ['sqlite3', 'pg'] as const) {
			const sql = defaultPrioritySql(withPriorities(), dialect);
			expect(sql?.table).toBe('cases');
			const text = sql?.statements.join('\n') ?? '';
			expect(text).toContain('SELECT id FROM case_priorities ORDER BY standard DESC, rank IS NULL, rank ASC, id ASC');
			expect(text).toContain('NEW.urgency');
			expect(text).not.toMatch(/\btickets\b|ticket_priorities|\bpriority\b|is_default|\bsort\b/);
		}
	});
});

describe('On SQLite over the second schema with priorities', () => {
	let db: Knex;
	beforeEach(async () => {
		db = await openDatabase();
	});
	afterEach(() => db.destroy());

	test('A case without urgency gets the standard one, else the lowest rank, else the first; one given is kept', async () => {
		const map = withPriorities();
		await ensureDefaultPriority(db, map);
		expect(await triggerTables(db)).toEqual(['cases']);
		const random = new Random(20261204);
		for (let round = 0; round < 60; round++) {
			await db('case_priorities').del();
			const count = random.int(1, 5);
			for (let index = 0; index < count; index++)
				await db('case_priorities').insert({
					label: `p${index}`,
					rank: random.chance(0.3) ? null : random.int(1, 4),
					standard: random.chance(0.25),
				});
			const priorities = (await db('case_priorities').select('id', 'rank', 'standard')) as {
				id: number;
				rank: number | null;
				standard: number;
			}[];
			const expected = [...priorities].sort(
				(a, b) =>
					b.standard - a.standard ||
					Number(a.rank === null) - Number(b.rank === null) ||
					(a.rank ?? 0) - (b.rank ?? 0) ||
					a.id - b.id,
			)[0]?.id;
			const [given] = (await db('cases').insert({ title: 'given', urgency: priorities[0]?.id }).returning('id')) as {
				id: number;
			}[];
			const [left] = (await db('cases').insert({ title: 'left out' }).returning('id')) as { id: number }[];
			const urgency = async (id: number | undefined) =>
				((await db('cases').select('urgency').where('id', id).first()) as { urgency: number | null }).urgency;
			expect(await urgency(given?.id), `round ${round}`).toBe(priorities[0]?.id);
			expect(await urgency(left?.id), `round ${round}`).toBe(expected);
		}
		expect(await db('tickets').count({ n: '*' })).toEqual([{ n: 0 }]);
	});

	test('Without is_default the lowest rank comes first; without sort the standard one, then the first', async () => {
		await db('case_priorities').insert([
			{ label: 'low', rank: 3, standard: false },
			{ label: 'standard', rank: 2, standard: true },
			{ label: 'urgent', rank: 1, standard: false },
		]);
		await ensureDefaultPriority(db, withPriorities({ is_default: null }));
		await db('cases').insert({ title: 'a' });
		await ensureDefaultPriority(db, withPriorities({ sort: null }));
		await db('cases').insert({ title: 'b' });
		await ensureDefaultPriority(db, withPriorities({ sort: null, is_default: null }));
		await db('cases').insert({ title: 'c' });
		expect(await db('cases').select('title', 'urgency').orderBy('id')).toEqual([
			{ title: 'a', urgency: 3 },
			{ title: 'b', urgency: 2 },
			{ title: 'c', urgency: 1 },
		]);
	});

	test('Installed once: the next call finds it exactly as its SQL says and writes nothing', async () => {
		for (const map of [bundledDataMap(), withPriorities()]) {
			await ensureDefaultPriority(db, map);
			const again = await statementsOf(db, () => ensureDefaultPriority(db, map));
			expect(again).toHaveLength(1);
			expect(again[0]).toMatch(/^select/);
		}
	});

	test('Moves with the map, and goes where the map has no priorities', async () => {
		await db('ticket_priorities').insert({ name: 'normal', is_default: true });
		await db('case_priorities').insert({ label: 'normal', standard: true });
		await ensureDefaultPriority(db, bundledDataMap());
		expect(await triggerTables(db)).toEqual(['tickets']);
		await ensureDefaultPriority(db, withPriorities());
		expect(await triggerTables(db)).toEqual(['cases']);
		await db('tickets').insert({});
		await db('cases').insert({ title: 'a' });
		expect(await db('tickets').select('priority')).toEqual([{ priority: null }]);
		expect(await db('cases').select('urgency')).toEqual([{ urgency: 1 }]);
		// The map changing only where priorities live puts the trigger's query on the new table.
		await db.raw('CREATE TABLE levels (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, rank integer NULL)');
		await db('levels').insert([{ rank: 5 }, { rank: 1 }]);
		await ensureDefaultPriority(db, withPriorities({ is_default: null, name: null }, 'levels'));
		await db('cases').insert({ title: 'b' });
		expect(await db('cases').select('urgency').where('title', 'b')).toEqual([{ urgency: 2 }]);
		await ensureDefaultPriority(db, secondSchemaMap());
		expect(await triggerTables(db)).toEqual([]);
		await db('cases').insert({ title: 'c' });
		expect(await db('cases').select('urgency').where('title', 'c')).toEqual([{ urgency: null }]);
		expect(await statementsOf(db, () => ensureDefaultPriority(db, secondSchemaMap()))).toHaveLength(1);
	});

	test('Quotes the names SQL must quote', async () => {
		await db.raw('CREATE TABLE "Levels" (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, "order" integer NULL)');
		await db.raw('CREATE TABLE "CaseFiles" (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, "Urgency" integer NULL)');
		await db('Levels').insert([{ order: 2 }, { order: 1 }]);
		const map = withPriorities({ name: null, is_default: null, sort: 'order' }, 'Levels');
		const tickets = map.tickets as NonNullable<DataMap['tickets']>;
		await ensureDefaultPriority(db, {
			...map,
			tickets: { ...tickets, collection: 'CaseFiles', fields: { ...tickets.fields, priority: 'Urgency' } },
		});
		expect(await triggerTables(db)).toEqual(['CaseFiles']);
		await db('CaseFiles').insert({});
		expect(await db('CaseFiles').select('Urgency')).toEqual([{ Urgency: 2 }]);
	});
});
