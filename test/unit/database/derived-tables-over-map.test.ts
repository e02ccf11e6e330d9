/**
 * The derived tables on a data map other than the bundled one: the second schema (`test/support/second-schema/`),
 * where customers are `organizations` (`parent_org`, `share_with_parent`, `portal_tree_path`), contacts `people`,
 * tickets `cases` (`account`, `opened_by`), participants the junction `cases_people` and the followers
 * `portal_case_followers`. On an in-memory SQLite written to with plain SQL, compared after every write with what
 * the rows call for; the map's variants without `visible_to_parent`, without `parent`, without participants, with
 * a customer chain, and with names SQL must quote; and a changed map moving the triggers to its tables.
 */
import type { Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { bundledDataMap, type DataMap } from '../../../src/data-map/data-map.ts';
import { derivedTablesOf } from '../../../src/database/derived-tables-of.ts';
import type { DerivedTable } from '../../../src/database/derived-table.ts';
import { ensureDerivedTable } from '../../../src/database/ensure-derived-table.ts';
import { installTriggers } from '../../../src/database/install-triggers.ts';
import { installedTriggers } from '../../../src/database/installed-triggers.ts';
import { sqlName } from '../../../src/database/sql-name.ts';
import { triggerSet, type TriggerSetDefinition } from '../../../src/database/trigger-set.ts';
import { triggersAreCurrent } from '../../../src/database/triggers-are-current.ts';
import { customerTreeDerivedTable } from '../../../src/hierarchy/customer-tree-derived-table.ts';
import {
	type CustomerTreeNode,
	expectedCustomerTree,
	expectedTreePaths,
} from '../../../src/hierarchy/expected-customer-tree.ts';
import { ticketCustomerPathsDerivedTable } from '../../../src/tickets/ticket-customer-paths-derived-table.ts';
import { ticketFollowersDerivedTable } from '../../../src/tickets/ticket-followers-derived-table.ts';
import { inMemorySqlite } from '../../support/in-memory-sqlite.ts';
import { Random } from '../../support/random.ts';
import { secondSchemaMap } from '../../support/second-schema/second-schema-map.ts';

/** `map` with some of its customers' roles unmapped. */
function withoutCustomerRoles(map: DataMap, ...roles: ('parent' | 'visible_to_parent')[]): DataMap {
	const fields = { ...map.customers.fields };
	for (const role of roles) fields[role] = null;
	return { ...map, customers: { ...map.customers, fields } };
}

function derived(map: DataMap, table: string): DerivedTable {
	const found = derivedTablesOf(map).find((candidate) => candidate.table === table);
	if (!found) throw new Error(`No derived table ${table}.`);
	return found;
}

async function openSecondSchema(foreignKeys: boolean): Promise<Knex> {
	const db = inMemorySqlite(foreignKeys);
	await db.raw(
		"CREATE TABLE organizations (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, label varchar(255) NULL, parent_org integer NULL, share_with_parent boolean NOT NULL DEFAULT '1', portal_tree_path text NULL, FOREIGN KEY (parent_org) REFERENCES organizations (id) ON DELETE NO ACTION)",
	);
	await db.raw(
		'CREATE TABLE people (uuid char(36) PRIMARY KEY NOT NULL, org integer NULL, FOREIGN KEY (org) REFERENCES organizations (id) ON DELETE SET NULL)',
	);
	await db.raw(
		'CREATE TABLE cases (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, account integer NULL, opened_by char(36) NULL, portal_customer_path text NULL, FOREIGN KEY (account) REFERENCES organizations (id) ON DELETE SET NULL, FOREIGN KEY (opened_by) REFERENCES people (uuid) ON DELETE SET NULL)',
	);
	await db.raw(
		'CREATE TABLE cases_people (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, cases_id integer NULL, people_id char(36) NULL, FOREIGN KEY (cases_id) REFERENCES cases (id) ON DELETE SET NULL, FOREIGN KEY (people_id) REFERENCES people (uuid) ON DELETE SET NULL)',
	);
	await db.raw(
		'CREATE TABLE portal_case_followers (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, ticket integer NOT NULL, contact char(36) NOT NULL, participant integer NULL, FOREIGN KEY (ticket) REFERENCES cases (id) ON DELETE CASCADE, FOREIGN KEY (contact) REFERENCES people (uuid) ON DELETE CASCADE, FOREIGN KEY (participant) REFERENCES cases_people (id) ON DELETE CASCADE)',
	);
	// The product's table; its rows name organizations here (see docs/data-map.md on its foreign keys).
	await db.raw(
		'CREATE TABLE customer_tree (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, depth integer NOT NULL, customer integer NOT NULL, ancestor integer NOT NULL)',
	);
	return db;
}

type Organization = { id: number; parent_org: number | null; share_with_parent: number | string };

/** The tree and paths the organizations call for, as `map` reads them (unmapped roles as the map leaves them). */
async function expectTree(db: Knex, map: DataMap, message?: string): Promise<void> {
	const rows = (await db('organizations')
		.select('id', 'parent_org', 'share_with_parent')
		.orderBy('id')) as Organization[];
	const nodes: CustomerTreeNode[] = rows.map((row) => ({
		id: row.id,
		parent: map.customers.fields.parent === null ? null : row.parent_org,
		visible_to_parent: map.customers.fields.visible_to_parent === null || [1, 'true'].includes(row.share_with_parent),
	}));
	const expected = expectedCustomerTree(nodes);
	const tree = await db('customer_tree')
		.select('customer', 'ancestor', 'depth')
		.orderBy(['customer', 'depth', 'ancestor']);
	expect(tree, message).toEqual(expected);
	const paths = (await db('organizations').select('id', 'portal_tree_path').orderBy('id')) as {
		id: number;
		portal_tree_path: string | null;
	}[];
	expect(new Map(paths.map((row) => [row.id, row.portal_tree_path])), message).toEqual(expectedTreePaths(expected));
}

/** `id` and every organization below it. */
async function branch(db: Knex, id: number): Promise<Set<number>> {
	const rows = (await db('organizations').select('id', 'parent_org')) as Organization[];
	const found = new Set([id]);
	for (let grew = true; grew;) {
		grew = false;
		for (const row of rows)
			if (row.parent_org !== null && found.has(row.parent_org) && !found.has(row.id)) grew = found.add(row.id).size > 0;
	}
	return found;
}

/** The followers the cases and their watchers call for, and those kept. */
async function followers(db: Knex): Promise<{ actual: string[]; expected: string[] }> {
	const cases = (await db('cases').select('id', 'opened_by').whereNotNull('opened_by')) as {
		id: number;
		opened_by: string;
	}[];
	const watchers = (await db('cases_people')
		.select('id', 'cases_id', 'people_id')
		.whereNotNull('cases_id')
		.whereNotNull('people_id')) as { id: number; cases_id: number; people_id: string }[];
	const kept = (await db('portal_case_followers').select('ticket', 'contact', 'participant')) as {
		ticket: number;
		contact: string;
		participant: number | null;
	}[];
	return {
		expected: [
			...cases.map((row) => `${row.id}:${row.opened_by}:-`),
			...watchers.map((row) => `${row.cases_id}:${row.people_id}:${row.id}`),
		].sort(),
		actual: kept.map((row) => `${row.ticket}:${row.contact}:${row.participant ?? '-'}`).sort(),
	};
}

describe('The derived tables of the second schema’s map', () => {
	const map = secondSchemaMap();
	const bundledNames =
		/\b(customers|tickets|ticket_participants|ticket_followers|parent|visible_to_parent|tree_path|customer_path)\b/;

	test('Are the customer tree on organizations, the followers of cases and watchers, and the cases’ customer paths', () => {
		expect(
			derivedTablesOf(map).map(({ table, readOnlyField, sources }) => ({ table, readOnlyField, sources })),
		).toEqual([
			{ table: 'customer_tree', readOnlyField: undefined, sources: ['organizations'] },
			{ table: 'portal_case_followers', readOnlyField: undefined, sources: ['cases', 'cases_people'] },
			{ table: 'cases', readOnlyField: 'portal_customer_path', sources: ['cases', 'organizations'] },
		]);
	});

	test('Put every trigger on a mapped table and name none of the bundled schema’s tables or columns, with the product’s trigger names', () => {
		for (const { triggers } of derivedTablesOf(map)) {
			for (const dialect of ['sqlite3', 'pg'] as const) {
				const set = triggerSet(triggers, dialect);
				for (const { name, table } of set.triggers) {
					expect(name.startsWith(triggers.prefix)).toBe(true);
					expect(['organizations', 'cases', 'cases_people']).toContain(table);
				}
				for (const statement of set.statements) expect(statement).not.toMatch(bundledNames);
			}
		}
		// The same sets on the bundled map sit on the bundled tables, under the same names.
		const bundled = derivedTablesOf(bundledDataMap());
		for (const [index, { triggers }] of derivedTablesOf(map).entries()) {
			const other = bundled[index]?.triggers as TriggerSetDefinition;
			expect(other.prefix).toBe(triggers.prefix);
			expect(triggerSet(other, 'pg').triggers.map(({ name }) => name)).toEqual(
				triggerSet(triggers, 'pg').triggers.map(({ name }) => name),
			);
			expect(triggerSet(other, 'pg').version).not.toBe(triggerSet(triggers, 'pg').version);
		}
	});

	test('Keep no customer path for cases that reach their customer through a chain, and nothing of tickets without them', () => {
		const chain: DataMap = {
			...map,
			tickets: { ...map.tickets!, fields: { ...map.tickets!.fields, customer: 'site.account' } },
		};
		expect(ticketCustomerPathsDerivedTable(chain)).toBeNull();
		expect(derivedTablesOf(chain).map(({ table }) => table)).toEqual(['customer_tree', 'portal_case_followers']);
		const noTickets: DataMap = { ...map, tickets: null, ticket_followers: null, ticket_participants: null };
		expect(derivedTablesOf(noTickets).map(({ table }) => table)).toEqual(['customer_tree']);
		expect(ticketFollowersDerivedTable({ ...map, ticket_followers: null })).toBeNull();
	});

	test('Without participants the followers are the requesters only, kept by triggers on cases alone', () => {
		const followers = ticketFollowersDerivedTable({ ...map, ticket_participants: null });
		expect(followers?.sources).toEqual(['cases']);
		expect(triggerSet(followers!.triggers, 'sqlite3').triggers.map(({ name, table }) => `${name} on ${table}`)).toEqual(
			[
				'portal_ticket_followers_ticket_insert on cases',
				'portal_ticket_followers_ticket_update on cases',
				'portal_ticket_followers_ticket_delete on cases',
			],
		);
	});
});

describe.each([true, false])('On SQLite over the second schema, foreign keys enforced: %s', (foreignKeys) => {
	const map = secondSchemaMap();
	let db: Knex;
	beforeEach(async () => {
		db = await openSecondSchema(foreignKeys);
		for (const table of derivedTablesOf(map))
			expect(await ensureDerivedTable(db, table)).toMatchObject({ status: table.dialects ? 'not-kept' : 'ready' });
	});
	afterEach(() => db.destroy());

	test('The triggers keep the tree, the tree paths and the followers through inserts, moves and deletes', async () => {
		const seed = Number(process.env['PORTAL_TREE_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
		const rng = new Random(seed);
		let people = 0;
		for (let step = 0; step < 200; step++) {
			const orgs = ((await db('organizations').select('id')) as { id: number }[]).map(({ id }) => id);
			const persons = ((await db('people').select('uuid')) as { uuid: string }[]).map(({ uuid }) => uuid);
			const cases = ((await db('cases').select('id')) as { id: number }[]).map(({ id }) => id);
			const watchers = ((await db('cases_people').select('id')) as { id: number }[]).map(({ id }) => id);
			const roll = rng.next();
			let operation: string;
			if (orgs.length < 5 || roll < 0.2) {
				const parent = rng.chance(0.3) ? null : (rng.maybePick(orgs) ?? null);
				const share = rng.chance(0.7) ? 1 : 0;
				operation = `insert an organization below ${parent} (shared: ${share})`;
				await db('organizations').insert({ label: 'o', parent_org: parent, share_with_parent: share });
			} else if (roll < 0.35) {
				// A move that closes no loop: below an organization outside the moving one's branch, or to the top.
				const moving = rng.pick(orgs);
				const below = await branch(db, moving);
				const parent = rng.chance(0.2) ? null : (rng.maybePick(orgs.filter((id) => !below.has(id))) ?? null);
				operation = `move organization ${moving} below ${parent}`;
				await db('organizations').update({ parent_org: parent }).where('id', moving);
			} else if (roll < 0.45) {
				const org = rng.pick(orgs);
				operation = `organization ${org} shared with its parent toggled`;
				await db.raw('UPDATE organizations SET share_with_parent = 1 - share_with_parent WHERE id = ?', [org]);
			} else if (roll < 0.5) {
				// With foreign keys enforced an organization goes with its branch; without, its children's parent dangles.
				const picked = rng.pick(orgs);
				const gone = foreignKeys ? [...(await branch(db, picked))] : [picked];
				operation = `delete organizations ${gone.join(',')}`;
				await db('organizations').delete().whereIn('id', gone);
			} else if (persons.length < 4 || roll < 0.6) {
				operation = 'insert a person';
				await db('people').insert({ uuid: `person-${++people}`, org: rng.maybePick(orgs) ?? null });
			} else if (cases.length < 4 || roll < 0.7) {
				const openedBy = rng.chance(0.1) ? null : rng.pick(persons);
				operation = `insert a case opened by ${openedBy}`;
				await db('cases').insert({ account: rng.pick(orgs), opened_by: openedBy });
			} else if (roll < 0.77) {
				const movedCase = rng.pick(cases);
				const openedBy = rng.pick(persons);
				operation = `case ${movedCase} now opened by ${openedBy}`;
				await db('cases').update({ opened_by: openedBy }).where('id', movedCase);
			} else if (roll < 0.87) {
				const watched = rng.pick(cases);
				const watcher = rng.pick(persons);
				operation = `${watcher} watches case ${watched}`;
				await db('cases_people').insert({ cases_id: watched, people_id: watcher });
			} else if (roll < 0.92 && watchers.length > 0) {
				const watcher = rng.pick(watchers);
				operation = `watcher row ${watcher} to another case`;
				await db('cases_people')
					.update({ cases_id: rng.pick(cases) })
					.where('id', watcher);
			} else if (roll < 0.96 && watchers.length > 0) {
				const gone = rng.pick(watchers);
				operation = `delete watcher row ${gone}`;
				await db('cases_people').delete().where('id', gone);
			} else {
				const gone = rng.pick(cases);
				operation = `delete case ${gone}`;
				await db('cases').delete().where('id', gone);
			}
			const message = `seed ${seed}, step ${step}: ${operation}`;
			await expectTree(db, map, message);
			const { actual, expected } = await followers(db);
			expect(actual, message).toEqual(expected);
		}
		for (const table of derivedTablesOf(map).filter(({ dialects }) => !dialects))
			expect(await table.isExact(db), table.table).toBe(true);
	});

	test('Rebuild and the exactness check agree with the triggers', async () => {
		await db('organizations').insert([
			{ label: 'top', parent_org: null, share_with_parent: 1 },
			{ label: 'mid', parent_org: 1, share_with_parent: 1 },
			{ label: 'hidden', parent_org: 2, share_with_parent: 0 },
		]);
		await db('people').insert([
			{ uuid: 'a', org: 1 },
			{ uuid: 'b', org: 2 },
		]);
		await db('cases').insert([{ account: 2, opened_by: 'a' }]);
		await db('cases_people').insert([{ cases_id: 1, people_id: 'b' }]);
		const tree = derived(map, 'customer_tree');
		const caseFollowers = derived(map, 'portal_case_followers');
		const kept = {
			tree: await db('customer_tree').select('customer', 'ancestor', 'depth').orderBy(['customer', 'depth']),
			paths: await db('organizations').select('id', 'portal_tree_path').orderBy('id'),
			followers: (await followers(db)).actual,
		};
		expect(kept.paths.map((row: { portal_tree_path: string }) => row.portal_tree_path)).toEqual([
			'/1/',
			'/1/2/',
			'/3/',
		]);
		expect(await tree.isExact(db)).toBe(true);
		expect(await caseFollowers.isExact(db)).toBe(true);

		// Hand edits the triggers never made: each is seen, and rebuilding puts back what the triggers kept.
		await db('customer_tree').insert({ customer: 3, ancestor: 1, depth: 2 });
		await db('organizations').update({ portal_tree_path: '/9/' }).where('id', 2);
		await db('portal_case_followers').delete();
		expect(await tree.isExact(db)).toBe(false);
		expect(await caseFollowers.isExact(db)).toBe(false);
		expect(await tree.rebuild(db)).toBe(kept.tree.length);
		expect(await caseFollowers.rebuild(db)).toBe(2);
		expect(await tree.isExact(db)).toBe(true);
		expect(await caseFollowers.isExact(db)).toBe(true);
		expect(await db('customer_tree').select('customer', 'ancestor', 'depth').orderBy(['customer', 'depth'])).toEqual(
			kept.tree,
		);
		expect(await db('organizations').select('id', 'portal_tree_path').orderBy('id')).toEqual(kept.paths);
		expect((await followers(db)).actual).toEqual(kept.followers);
	});
});

describe('On SQLite over the second schema with customer roles unmapped', () => {
	let db: Knex;
	beforeEach(async () => {
		db = await openSecondSchema(true);
	});
	afterEach(() => db.destroy());

	/** Organizations 1 > 2 > 3, 2 not shared with its parent; then 3 moves to the top and 2 is deleted. */
	async function writeAndCheck(map: DataMap, paths: { before: string[]; after: string[] }): Promise<void> {
		await db('organizations').insert([
			{ label: 'top', parent_org: null, share_with_parent: 1 },
			{ label: 'mid', parent_org: 1, share_with_parent: 0 },
			{ label: 'low', parent_org: 2, share_with_parent: 1 },
		]);
		const read = async () =>
			((await db('organizations').select('portal_tree_path').orderBy('id')) as { portal_tree_path: string }[]).map(
				(row) => row.portal_tree_path,
			);
		await expectTree(db, map);
		expect(await read()).toEqual(paths.before);
		await db('organizations').update({ share_with_parent: 1 }).where('id', 2);
		await expectTree(db, map);
		await db('organizations').update({ parent_org: null }).where('id', 3);
		await db('organizations').delete().where('id', 2);
		await expectTree(db, map);
		expect(await read()).toEqual(paths.after);
		expect(await customerTreeDerivedTable(map).isExact(db)).toBe(true);
	}

	test('Without visible_to_parent every organization is visible to its parent', async () => {
		const map = withoutCustomerRoles(secondSchemaMap(), 'visible_to_parent');
		const tree = customerTreeDerivedTable(map);
		expect(tree.columns['organizations']).toEqual(['id', 'parent_org', 'portal_tree_path']);
		expect(triggerSet(tree.triggers, 'sqlite3').statements.join('\n')).not.toMatch(/share_with_parent/);
		await ensureDerivedTable(db, tree);
		await writeAndCheck(map, { before: ['/1/', '/1/2/', '/1/2/3/'], after: ['/1/', '/3/'] });
	});

	test('Without parent there is no hierarchy: each organization has its own row and path only', async () => {
		const map = withoutCustomerRoles(secondSchemaMap(), 'parent');
		const tree = customerTreeDerivedTable(map);
		expect(tree.columns['organizations']).toEqual(['id', 'portal_tree_path']);
		expect(triggerSet(tree.triggers, 'sqlite3').triggers.map(({ name }) => name)).toEqual([
			'portal_customer_tree_insert',
			'portal_customer_tree_delete',
		]);
		expect(triggerSet(tree.triggers, 'pg').statements.join('\n')).not.toMatch(/parent_org|share_with_parent/);
		await ensureDerivedTable(db, tree);
		await writeAndCheck(map, { before: ['/1/', '/2/', '/3/'], after: ['/1/', '/3/'] });
		expect(await db('customer_tree').count({ count: '*' })).toEqual([{ count: 2 }]);
	});
});

describe('Names SQL must quote', () => {
	test('sqlName leaves plain lowercase names bare and quotes the rest', () => {
		expect(['customers', 'tree_path', 'ticket_participants', 'x1'].map(sqlName)).toEqual([
			'customers',
			'tree_path',
			'ticket_participants',
			'x1',
		]);
		expect(['Organizations', 'order', 'group', 'user', '1st', 'a"b'].map(sqlName)).toEqual([
			'"Organizations"',
			'"order"',
			'"group"',
			'"user"',
			'"1st"',
			'"a""b"',
		]);
	});

	test('A customer tree on a mixed-case collection with keyword fields is kept', async () => {
		const second = secondSchemaMap();
		const map: DataMap = {
			...second,
			customers: {
				...second.customers,
				collection: 'Accounts',
				fields: {
					...second.customers.fields,
					id: 'Id',
					parent: 'group',
					visible_to_parent: 'Shared',
					tree_path: 'order',
				},
			},
		};
		const db = inMemorySqlite(true);
		try {
			await db.raw(
				'CREATE TABLE "Accounts" ("Id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "group" integer NULL, "Shared" boolean NOT NULL DEFAULT \'1\', "order" text NULL)',
			);
			await db.raw(
				'CREATE TABLE customer_tree (id integer PRIMARY KEY AUTOINCREMENT, depth integer, customer integer, ancestor integer)',
			);
			const tree = customerTreeDerivedTable(map);
			expect(await ensureDerivedTable(db, tree)).toMatchObject({ status: 'ready', installed: true });
			await db('Accounts').insert([
				{ group: null, Shared: 1 },
				{ group: 1, Shared: 1 },
				{ group: 2, Shared: 0 },
				{ group: 2, Shared: 1 },
			]);
			await db('Accounts').update({ group: 4 }).where('Id', 3);
			expect((await db('Accounts').select('order').orderBy('Id')).map((row: { order: string }) => row.order)).toEqual([
				'/1/',
				'/1/2/',
				'/3/',
				'/1/2/4/',
			]);
			expect(await tree.isExact(db)).toBe(true);
			expect(await triggersAreCurrent(db, tree.triggers)).toBe(true);
		} finally {
			await db.destroy();
		}
	});
});

describe('A changed map moves the triggers to its tables', () => {
	let db: Knex;
	beforeEach(async () => {
		db = await openSecondSchema(true);
		// The bundled schema's tables beside the second schema's, as after an admin adopted their own collections.
		await db.raw(
			"CREATE TABLE customers (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, parent integer NULL, visible_to_parent boolean NOT NULL DEFAULT '1', tree_path text NULL)",
		);
		await db.raw(
			'CREATE TABLE tickets (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, customer integer NULL, contact integer NULL)',
		);
		await db.raw(
			'CREATE TABLE ticket_participants (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, ticket integer NULL, contact integer NULL)',
		);
		await db.raw(
			'CREATE TABLE ticket_followers (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, ticket integer, contact integer, participant integer NULL)',
		);
	});
	afterEach(() => db.destroy());

	const tablesOf = async (definition: TriggerSetDefinition) =>
		[...new Set((await installedTriggers(db, definition)).triggers.map(({ table }) => table))].sort();

	test('The customer tree’s and the followers’ triggers leave the bundled tables for the mapped ones', async () => {
		const bundled = derivedTablesOf(bundledDataMap()).filter(({ dialects }) => !dialects);
		for (const table of bundled) await ensureDerivedTable(db, table);
		await db('customers').insert([{ parent: null }, { parent: 1 }]);
		expect(await db('customer_tree').count({ count: '*' })).toEqual([{ count: 3 }]);

		const mapped = derivedTablesOf(secondSchemaMap()).filter(({ dialects }) => !dialects);
		for (const [index, table] of mapped.entries()) {
			const before = bundled[index] as DerivedTable;
			expect(await triggersAreCurrent(db, table.triggers)).toBe(false);
			// Built from the organizations, which have none: the customers' rows go.
			expect(await ensureDerivedTable(db, table)).toMatchObject({
				status: 'ready',
				installed: true,
				rebuilt: index === 0,
			});
			expect(await triggersAreCurrent(db, table.triggers)).toBe(true);
			expect(await triggersAreCurrent(db, before.triggers)).toBe(false);
		}
		expect(await tablesOf(mapped[0]!.triggers)).toEqual(['organizations']);
		expect(await tablesOf(mapped[1]!.triggers)).toEqual(['cases', 'cases_people']);

		// Writes to the bundled tables no longer touch what is derived; writes to the mapped ones do.
		await db('customers').insert({ parent: 1 });
		await db('tickets').insert({ contact: 1 });
		expect(await db('customer_tree').count({ count: '*' })).toEqual([{ count: 0 }]);
		expect(await db('ticket_followers').count({ count: '*' })).toEqual([{ count: 0 }]);
		await db('organizations').insert([
			{ parent_org: null, share_with_parent: 1 },
			{ parent_org: 1, share_with_parent: 1 },
		]);
		await db('people').insert({ uuid: 'a' });
		await db('cases').insert({ account: 2, opened_by: 'a' });
		await expectTree(db, secondSchemaMap());
		expect((await followers(db)).actual).toEqual(['1:a:-']);
		for (const table of mapped) expect(await table.isExact(db), table.table).toBe(true);
	});

	test('An index of a set on the table of an earlier map is moved with it', async () => {
		const indexed = (table: string): TriggerSetDefinition => ({
			prefix: 'probe_moving',
			keeps: `${table}.contact`,
			sql: () => ({
				functions: {},
				triggers: {
					probe_moving_insert: {
						table,
						definition: `AFTER INSERT ON ${table} BEGIN /* {{marker}} */ SELECT 1; END`,
					},
				},
				indexes: { probe_moving_index: { table, definition: '(id)' } },
			}),
		});
		await installTriggers(db, indexed('tickets'));
		expect(await triggersAreCurrent(db, indexed('tickets'))).toBe(true);
		expect(await triggersAreCurrent(db, indexed('cases'))).toBe(false);
		await installTriggers(db, indexed('cases'));
		expect(await triggersAreCurrent(db, indexed('cases'))).toBe(true);
		expect((await installedTriggers(db, indexed('cases'))).indexes).toEqual([
			{ name: 'probe_moving_index', table: 'cases' },
		]);
		expect(
			await db.raw(
				'SELECT name, tbl_name AS "table" FROM sqlite_master WHERE name LIKE \'probe_moving%\' ORDER BY name',
			),
		).toEqual([
			{ name: 'probe_moving_index', table: 'cases' },
			{ name: 'probe_moving_insert', table: 'cases' },
		]);
	});
});
