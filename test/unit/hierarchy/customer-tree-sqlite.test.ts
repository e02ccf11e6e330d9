/**
 * The triggers on an in-memory SQLite, written to with plain SQL as any importer would, compared with
 * `expectedCustomerTree` after every write. Fast enough for hundreds of random writes; the same triggers
 * on PostgreSQL, and through Directus, are covered by test/integration/customer-tree.test.ts.
 */
import type { Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkCustomerPlacement } from '../../../src/hierarchy/check-customer-placement.ts';
import { bundledDataMap } from '../../../src/data-map/data-map.ts';
import { ensureDerivedTable } from '../../../src/database/ensure-derived-table.ts';
import { installTriggers } from '../../../src/database/install-triggers.ts';
import { triggersAreCurrent } from '../../../src/database/triggers-are-current.ts';
import {
	type CustomerTreeNode,
	expectedCustomerTree,
	expectedTreePaths,
} from '../../../src/hierarchy/expected-customer-tree.ts';

import { inMemorySqlite } from '../../support/in-memory-sqlite.ts';
import { Random } from '../../support/random.ts';
import { bundledCustomerTree } from '../../support/bundled-derived-tables.ts';

type Row = { id: number; parent: number | null; visible_to_parent: number | string };

async function openDatabase(foreignKeys: boolean): Promise<Knex> {
	const db = inMemorySqlite(foreignKeys);
	// The tables as Directus's `schema apply` creates them.
	await db.raw(
		"CREATE TABLE customers (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, name varchar(255) NOT NULL, visible_to_parent boolean NOT NULL DEFAULT '1', parent integer NULL, tree_path text NULL, FOREIGN KEY (parent) REFERENCES customers (id) ON DELETE NO ACTION)",
	);
	await db.raw(
		'CREATE TABLE customer_tree (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, depth integer NOT NULL, customer integer NOT NULL, ancestor integer NOT NULL, FOREIGN KEY (customer) REFERENCES customers (id) ON DELETE CASCADE, FOREIGN KEY (ancestor) REFERENCES customers (id) ON DELETE CASCADE)',
	);
	return db;
}

const nodes = (rows: Row[]): CustomerTreeNode[] =>
	rows.map(({ id, parent, visible_to_parent }) => ({
		id,
		parent,
		visible_to_parent: visible_to_parent === 1 || visible_to_parent === 'true',
	}));

async function customers(db: Knex): Promise<Row[]> {
	return (await db('customers').select('id', 'parent', 'visible_to_parent').orderBy('id')) as Row[];
}

async function tree(db: Knex) {
	return db('customer_tree').select('customer', 'ancestor', 'depth').orderBy(['customer', 'depth', 'ancestor']);
}

async function paths(db: Knex): Promise<Map<number, string | null>> {
	const rows = (await db('customers').select('id', 'tree_path').orderBy('id')) as {
		id: number;
		tree_path: string | null;
	}[];
	return new Map(rows.map((row) => [row.id, row.tree_path]));
}

/** The table and every customer's path, against the oracle. */
async function expectExact(db: Knex, message?: string): Promise<void> {
	const expected = expectedCustomerTree(nodes(await customers(db)));
	expect(await tree(db), message).toEqual(expected);
	expect(await paths(db), message).toEqual(expectedTreePaths(expected));
}

/** Every customer at or below `id` in the full tree. */
function branch(rows: Row[], id: number): Set<number> {
	const found = new Set([id]);
	for (let grew = true; grew;) {
		grew = false;
		for (const row of rows)
			if (row.parent !== null && found.has(row.parent) && !found.has(row.id)) grew = found.add(row.id).size > 0;
	}
	return found;
}

function level(rows: Row[], id: number): number {
	const byId = new Map(rows.map((row) => [row.id, row]));
	let depth = 0;
	for (let row = byId.get(id); row?.parent != null && depth < rows.length; row = byId.get(row.parent)) depth++;
	return depth;
}

function height(rows: Row[], id: number): number {
	return Math.max(...[...branch(rows, id)].map((member) => level(rows, member))) - level(rows, id);
}

describe.each([true, false])('The triggers on SQLite, foreign keys enforced: %s', (foreignKeys) => {
	let db: Knex;
	beforeEach(async () => {
		db = await openDatabase(foreignKeys);
		await ensureDerivedTable(db, bundledCustomerTree);
	});
	afterEach(() => db.destroy());

	test('Keep customer_tree exact through random writes made with plain SQL', async () => {
		const seed = Number(process.env['PORTAL_TREE_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
		const rng = new Random(seed);
		let nextId = 0;
		const visible = () => (rng.next() < 0.2 ? 0 : 1);
		for (let step = 0; step < 250; step++) {
			const rows = await customers(db);
			const ids = rows.map((row) => row.id);
			const roll = rng.next();
			let operation: string;
			if (rows.length < 6 || roll < 0.25) {
				const parent =
					rng.next() < 0.2 ? null : (rng.maybePick(rows.filter((row) => level(rows, row.id) < 5))?.id ?? null);
				operation = `insert below ${parent}`;
				await db('customers').insert({ name: 'c', parent, visible_to_parent: visible() });
			} else if (roll < 0.35) {
				// A small tree in one statement, children listed before their parents.
				nextId = Math.max(nextId, ...ids);
				const [root, child, grandchild] = [++nextId, ++nextId, ++nextId];
				const parent =
					rng.next() < 0.5 ? null : (rng.maybePick(rows.filter((row) => level(rows, row.id) < 3))?.id ?? null);
				operation = `insert ${grandchild} < ${child} < ${root} < ${parent} in one statement`;
				await db('customers').insert([
					{ id: grandchild, name: 'g', parent: child, visible_to_parent: visible() },
					{ id: child, name: 'c', parent: root, visible_to_parent: visible() },
					{ id: root, name: 'r', parent, visible_to_parent: visible() },
				]);
			} else if (roll < 0.55) {
				const moving = rng.maybePick(ids) ?? 0;
				const outside = rows.filter(
					(row) => !branch(rows, moving).has(row.id) && level(rows, row.id) + 1 + height(rows, moving) <= 6,
				);
				const parent = rng.next() < 0.2 ? null : (rng.maybePick(outside)?.id ?? null);
				operation = `move ${moving} below ${parent}`;
				await db('customers').update({ parent }).where('id', moving);
			} else if (roll < 0.7) {
				const toggled = rng.maybePick(rows);
				operation = `toggle ${toggled?.id}`;
				await db('customers')
					.update({ visible_to_parent: toggled?.visible_to_parent === 1 ? 0 : 1 })
					.where('id', toggled?.id ?? 0);
			} else if (roll < 0.8) {
				// Several customers below one parent in one statement (what Directus's `{ keys, data }` does).
				const parent = rng.maybePick(ids) ?? 0;
				const moving = ids.filter((id) => !branch(rows, id).has(parent) && rng.next() < 0.15);
				operation = `move ${moving.join(',')} below ${parent} in one statement`;
				await db('customers').update({ parent }).whereIn('id', moving);
			} else if (roll < 0.9 || foreignKeys) {
				const gone = [...branch(rows, rng.maybePick(ids) ?? 0)];
				if (gone.length > 4) continue;
				operation = `delete ${gone.join(',')}`;
				await db('customers').delete().whereIn('id', gone);
			} else {
				// Without enforced foreign keys a middle customer can go, leaving its children's parent dangling.
				const gone = rng.maybePick(ids) ?? 0;
				operation = `delete ${gone} alone`;
				await db('customers').delete().where('id', gone);
			}
			await expectExact(db, `seed ${seed}, step ${step}: ${operation}`);
		}
		expect(await bundledCustomerTree.isExact(db)).toBe(true);
	});

	test('A child inserted before its parent joins the parent’s tree once the parent arrives', async () => {
		await db('customers').insert({ id: 1, name: 'top', parent: null });
		await db('customers').insert([
			{ id: 3, name: 'child', parent: 2, visible_to_parent: 1 },
			{ id: 2, name: 'middle', parent: 1, visible_to_parent: 1 },
		]);
		await expectExact(db);
		expect((await paths(db)).get(3)).toBe('/1/2/3/');
	});
});

describe('ensureDerivedTable(customerTreeDerivedTable) on SQLite', () => {
	let db: Knex;
	beforeEach(async () => {
		db = await openDatabase(true);
	});
	afterEach(() => db.destroy());

	test('Installs the triggers and builds customer_tree from customers already there, then does nothing', async () => {
		await db('customers').insert([{ id: 1, name: 'a', parent: null }]);
		await db('customers').insert([{ id: 2, name: 'b', parent: 1, visible_to_parent: 1 }]);
		expect(await triggersAreCurrent(db, bundledCustomerTree.triggers)).toBe(false);
		expect(await ensureDerivedTable(db, bundledCustomerTree)).toMatchObject({
			status: 'ready',
			installed: true,
			rebuilt: true,
			rows: 3,
		});
		expect(await ensureDerivedTable(db, bundledCustomerTree)).toMatchObject({
			status: 'ready',
			installed: false,
			rebuilt: false,
		});
		await expectExact(db);
	});

	test('Rebuilds a customer_tree that went wrong, and reinstalls dropped triggers', async () => {
		await ensureDerivedTable(db, bundledCustomerTree);
		await db('customers').insert({ id: 1, name: 'a', parent: null });
		await db('customers').insert({ id: 2, name: 'b', parent: 1 });
		await db('customer_tree').where({ customer: 2, depth: 1 }).delete();
		await db('customer_tree').insert({ customer: 1, ancestor: 2, depth: 1 });
		expect(await bundledCustomerTree.isExact(db)).toBe(false);
		expect(await ensureDerivedTable(db, bundledCustomerTree)).toMatchObject({ installed: false, rebuilt: true });
		expect(await bundledCustomerTree.isExact(db)).toBe(true);

		await db.raw('DROP TRIGGER portal_customer_tree_update');
		await db('customers').update({ parent: null }).where('id', 2);
		expect(await triggersAreCurrent(db, bundledCustomerTree.triggers)).toBe(false);
		expect(await ensureDerivedTable(db, bundledCustomerTree)).toMatchObject({ installed: true, rebuilt: true });
		await expectExact(db);
		await installTriggers(db, bundledCustomerTree.triggers);
		expect(await triggersAreCurrent(db, bundledCustomerTree.triggers)).toBe(true);
	});

	test('Rebuilds a tree path changed by hand: a path that starts like another customer’s would show that customer’s subtree', async () => {
		await ensureDerivedTable(db, bundledCustomerTree);
		await db('customers').insert([{ id: 1, name: 'a', parent: null }]);
		await db('customers').insert([{ id: 2, name: 'b', parent: null }]);
		await db('customers').update({ tree_path: '/1/2/' }).where('id', 2);
		expect(await bundledCustomerTree.isExact(db)).toBe(false);
		expect(await ensureDerivedTable(db, bundledCustomerTree)).toMatchObject({ installed: false, rebuilt: true });
		expect((await paths(db)).get(2)).toBe('/2/');
	});

	test('Replaces triggers of another version', async () => {
		await ensureDerivedTable(db, bundledCustomerTree);
		await db.raw('DROP TRIGGER portal_customer_tree_insert');
		await db.raw(
			'CREATE TRIGGER portal_customer_tree_insert AFTER INSERT ON customers BEGIN /* customer-portal customer_tree 000000000000 */ SELECT 1; END',
		);
		await db.raw('CREATE TRIGGER portal_customer_tree_retired AFTER INSERT ON customers BEGIN SELECT 1; END');
		expect(await triggersAreCurrent(db, bundledCustomerTree.triggers)).toBe(false);
		await ensureDerivedTable(db, bundledCustomerTree);
		expect(await triggersAreCurrent(db, bundledCustomerTree.triggers)).toBe(true);
		const names = (await db.raw("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")) as {
			name: string;
		}[];
		expect(names.map(({ name }) => name)).toEqual([
			'portal_customer_tree_delete',
			'portal_customer_tree_insert',
			'portal_customer_tree_update',
		]);
	});

	test('Leaves a database without the hierarchy’s tables alone', async () => {
		await db.raw('DROP TABLE customer_tree');
		expect(await ensureDerivedTable(db, bundledCustomerTree)).toEqual({
			status: 'schema-missing',
			missing: ['customer_tree'],
		});
	});
});

describe('checkCustomerPlacement', () => {
	let db: Knex;
	beforeEach(async () => {
		db = await openDatabase(false);
		// 1 ← 2 ← 3 ← 4 (2 hidden from 1: the guard walks the full tree all the same), 5 alone, 6 ↔ 7 a loop.
		await db('customers').insert([
			{ id: 1, name: 'a', parent: null, visible_to_parent: 1 },
			{ id: 2, name: 'b', parent: 1, visible_to_parent: 0 },
			{ id: 3, name: 'c', parent: 2, visible_to_parent: 1 },
			{ id: 4, name: 'd', parent: 3, visible_to_parent: 1 },
			{ id: 5, name: 'e', parent: null, visible_to_parent: 1 },
			{ id: 6, name: 'f', parent: 7, visible_to_parent: 1 },
			{ id: 7, name: 'g', parent: 6, visible_to_parent: 1 },
			{ id: 8, name: 'h', parent: 99, visible_to_parent: 1 },
		]);
	});
	afterEach(() => db.destroy());

	test('Refuses a customer below itself or anything below it', async () => {
		expect(await checkCustomerPlacement(db, bundledDataMap().customers, [2], 2)).toBe('cycle');
		expect(await checkCustomerPlacement(db, bundledDataMap().customers, [2], 3)).toBe('cycle');
		expect(await checkCustomerPlacement(db, bundledDataMap().customers, [1], 4)).toBe('cycle');
		expect(await checkCustomerPlacement(db, bundledDataMap().customers, ['5', '1'], 4)).toBe('cycle');
	});

	test('Allows any other parent', async () => {
		expect(await checkCustomerPlacement(db, bundledDataMap().customers, [3], 1)).toBe('ok');
		expect(await checkCustomerPlacement(db, bundledDataMap().customers, [1], 5)).toBe('ok');
		expect(await checkCustomerPlacement(db, bundledDataMap().customers, [4], 8)).toBe('ok');
		expect(await checkCustomerPlacement(db, bundledDataMap().customers, [], 4)).toBe('ok');
	});

	test('Tells a parent that does not exist, and stops on a loop already in the data', async () => {
		expect(await checkCustomerPlacement(db, bundledDataMap().customers, [1], 42)).toBe('parent-not-found');
		expect(await checkCustomerPlacement(db, bundledDataMap().customers, [1], 6)).toBe('cycle');
	});
});
