/**
 * Trigger sets as a whole on an in-memory SQLite: one read tells which of several sets are stale, an index
 * belongs to its set like a trigger does, and every name must carry the set's prefix. The ticket path set,
 * PostgreSQL's only, is checked here by its SQL; test/integration/ticket-customer-paths.test.ts installs it.
 */
import type { Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { installTriggers } from '../../../src/database/install-triggers.ts';
import { triggerSet, type TriggerSetDefinition } from '../../../src/database/trigger-set.ts';
import { staleTriggerSets, triggersAreCurrent } from '../../../src/database/triggers-are-current.ts';
import { inMemorySqlite } from '../../support/in-memory-sqlite.ts';
import { bundledTicketCustomerPaths } from '../../support/bundled-derived-tables.ts';

const counting: TriggerSetDefinition = {
	prefix: 'probe_counting',
	keeps: 'counts',
	sql: () => ({
		functions: {},
		triggers: {
			probe_counting_insert: {
				table: 'items',
				definition: 'AFTER INSERT ON items BEGIN /* {{marker}} */ UPDATE counts SET n = n + 1; END',
			},
		},
		indexes: { probe_counting_index: { table: 'items', definition: '(name)' } },
	}),
};
const stamping: TriggerSetDefinition = {
	prefix: 'probe_stamping',
	keeps: 'stamps',
	sql: () => ({
		functions: {},
		triggers: {
			probe_stamping_insert: {
				table: 'items',
				definition: "AFTER INSERT ON items BEGIN /* {{marker}} */ INSERT INTO stamps VALUES ('x'); END",
			},
		},
	}),
};

describe('Trigger sets', () => {
	let db: Knex;
	beforeEach(async () => {
		db = inMemorySqlite(true);
		await db.raw('CREATE TABLE items (id integer PRIMARY KEY, name varchar(255))');
		await db.raw('CREATE TABLE counts (n integer)');
		await db.raw('CREATE TABLE stamps (s varchar(8))');
		for (const definition of [counting, stamping]) await installTriggers(db, definition);
	});
	afterEach(() => db.destroy());

	test('One read tells which of several sets went stale', async () => {
		expect(await staleTriggerSets(db, [counting, stamping])).toEqual([]);
		await db.raw('DROP TRIGGER probe_stamping_insert');
		expect(await staleTriggerSets(db, [counting, stamping])).toEqual([stamping]);
		await installTriggers(db, stamping);
		expect(await staleTriggerSets(db, [counting, stamping])).toEqual([]);
	});

	test('A set whose index was dropped is stale, and installing it again creates the index', async () => {
		await db.raw('DROP INDEX probe_counting_index');
		expect(await triggersAreCurrent(db, counting)).toBe(false);
		expect(await triggersAreCurrent(db, stamping)).toBe(true);
		await installTriggers(db, counting);
		expect(await triggersAreCurrent(db, counting)).toBe(true);
		// Installing over an existing index leaves it be.
		await installTriggers(db, counting);
		expect(
			(
				(await db.raw("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'probe_%'")) as {
					name: string;
				}[]
			).map(({ name }) => name),
		).toEqual(['probe_counting_index']);
	});

	test('Refuses an index not named with the set’s prefix', () => {
		const foreign: TriggerSetDefinition = {
			...counting,
			sql: () => ({
				functions: {},
				triggers: {},
				indexes: { items_name_index: { table: 'items', definition: '(name)' } },
			}),
		};
		expect(() => triggerSet(foreign, 'sqlite3')).toThrow(
			'Trigger, function or index items_name_index does not start with probe_counting.',
		);
	});
});

describe('The ticket path triggers on the bundled schema', () => {
	test('On PostgreSQL: an index for "path starts with", and one rewrite statement per update of customers', () => {
		const pg = triggerSet(bundledTicketCustomerPaths.triggers, 'pg');
		expect(pg.indexNames).toEqual(['portal_ticket_path_prefix_index']);
		expect(pg.statements).toContain(
			'CREATE INDEX IF NOT EXISTS portal_ticket_path_prefix_index ON tickets (customer_path text_pattern_ops)',
		);
		const moved = pg.statements.find((statement) =>
			statement.startsWith('CREATE TRIGGER portal_ticket_path_customers_moved '),
		);
		// PostgreSQL accepts transition tables only on a trigger without a column list.
		expect(moved).toMatch(
			/AFTER UPDATE ON customers REFERENCING OLD TABLE AS moved_from NEW TABLE AS moved_to FOR EACH STATEMENT/,
		);
		// Every insert is read from the customer; an update only where it could differ from what the rewrite wrote.
		expect(
			pg.statements.find((statement) => statement.startsWith('CREATE TRIGGER portal_ticket_path_insert ')),
		).toMatch(/BEFORE INSERT ON tickets FOR EACH ROW EXECUTE/);
		expect(
			pg.statements.find((statement) => statement.startsWith('CREATE TRIGGER portal_ticket_path_update ')),
		).toMatch(/WHEN \(pg_trigger_depth\(\) = 0 OR OLD\.customer IS DISTINCT FROM NEW\.customer\)/);
	});

	test('On SQLite: nothing at all', () => {
		expect(triggerSet(bundledTicketCustomerPaths.triggers, 'sqlite3')).toMatchObject({
			triggers: [],
			functionNames: [],
			indexNames: [],
			statements: [],
		});
	});
});
