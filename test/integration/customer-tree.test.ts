/**
 * The customer hierarchy on a real Directus: random trees built and reshaped over HTTP as the admin,
 * and written straight to the database as an import would, with `customer_tree` compared after every
 * write to `expectedCustomerTree` of what this file believes the customers are. A failure names the
 * seed; replay it with PORTAL_TREE_SEED=<seed>.
 */
import { readFile } from 'node:fs/promises';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { ensureDerivedTable } from '../../src/database/ensure-derived-table.ts';
import { triggersAreCurrent } from '../../src/database/triggers-are-current.ts';
import {
	type CustomerTreeNode,
	type CustomerTreeRow,
	expectedCustomerTree,
	expectedTreePaths,
} from '../../src/hierarchy/expected-customer-tree.ts';
import { api, type ApiResponse, directDatabase, directusUnderTest } from '../support/directus-under-test.ts';
import { Random } from '../support/random.ts';
import { bundledCustomerTree, bundledCustomerTree as customerTree } from '../support/bundled-derived-tables.ts';

const seed = Number(process.env['PORTAL_TREE_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
/** Every customer this file creates is named with this prefix, so only its rows are compared. */
const prefix = `tree-${seed}-${Math.random().toString(36).slice(2, 8)}-`;
/** Levels 0 to 5: trees up to six customers deep. */
const maxLevel = 5;

const rng = new Random(seed);

/** What this file believes the customers it created are. */
class Forest {
	readonly nodes = new Map<number, { parent: number | null; visible: boolean }>();

	ids(): number[] {
		return [...this.nodes.keys()];
	}

	list(): CustomerTreeNode[] {
		return [...this.nodes]
			.map(([id, { parent, visible }]) => ({ id, parent, visible_to_parent: visible }))
			.sort((a, b) => a.id - b.id);
	}

	/** `id` and every customer below it, whatever `visible_to_parent` says. */
	branch(id: number): Set<number> {
		const found = new Set([id]);
		for (let grew = true; grew;) {
			grew = false;
			for (const [child, { parent }] of this.nodes) {
				if (parent !== null && found.has(parent) && !found.has(child)) {
					found.add(child);
					grew = true;
				}
			}
		}
		return found;
	}

	level(id: number): number {
		let level = 0;
		for (let node = this.nodes.get(id); node?.parent != null; node = this.nodes.get(node.parent)) level++;
		return level;
	}

	height(id: number): number {
		return Math.max(...[...this.branch(id)].map((member) => this.level(member))) - this.level(id);
	}

	/** Customers `id` may move below: outside its branch, and keeping the tree within `maxLevel`. */
	parentsFor(id: number): number[] {
		const branch = this.branch(id);
		return this.ids().filter((parent) => !branch.has(parent) && this.level(parent) + 1 + this.height(id) <= maxLevel);
	}
}

const forest = new Forest();
let created = 0;
const name = () => `${prefix}${++created}`;
const visibleAtRandom = () => !rng.chance(0.2);

function ok<T>(response: ApiResponse<T>, what: string): T {
	expect(response.status, `seed ${seed}: ${what} answered ${JSON.stringify(response.body)}`).toBeLessThan(300);
	return response.body.data as T;
}

async function customersInDirectus(): Promise<CustomerTreeNode[]> {
	const response = await api<CustomerTreeNode[]>(
		'GET',
		`/items/customers?filter[name][_starts_with]=${prefix}&fields=id,parent,visible_to_parent&limit=-1&sort=id`,
	);
	return ok(response, 'reading customers').map(({ id, parent, visible_to_parent }) => ({
		id,
		parent,
		visible_to_parent,
	}));
}

async function treeInDirectus(): Promise<CustomerTreeRow[]> {
	const response = await api<CustomerTreeRow[]>(
		'GET',
		`/items/customer_tree?filter[_or][0][customer][name][_starts_with]=${prefix}&filter[_or][1][ancestor][name][_starts_with]=${prefix}&fields=customer,ancestor,depth&limit=-1`,
	);
	return ok(response, 'reading customer_tree')
		.map(({ customer, ancestor, depth }) => ({ customer, ancestor, depth }))
		.sort((a, b) => a.customer - b.customer || a.depth - b.depth || a.ancestor - b.ancestor);
}

async function pathsInDirectus(): Promise<Map<number, string | null>> {
	const response = await api<{ id: number; tree_path: string | null }[]>(
		'GET',
		`/items/customers?filter[name][_starts_with]=${prefix}&fields=id,tree_path&limit=-1&sort=id`,
	);
	return new Map(ok(response, 'reading tree paths').map(({ id, tree_path }) => [id, tree_path]));
}

/** The customers are what the forest says, and customer_tree and their tree paths are exactly what they call for. */
async function expectExact(step: string): Promise<void> {
	expect(await customersInDirectus(), `seed ${seed}, ${step}: customers`).toEqual(forest.list());
	const expected = expectedCustomerTree(forest.list());
	expect(await treeInDirectus(), `seed ${seed}, ${step}: customer_tree`).toEqual(expected);
	expect(await pathsInDirectus(), `seed ${seed}, ${step}: tree paths`).toEqual(expectedTreePaths(expected));
}

async function expectRefused(response: ApiResponse, code: string, step: string): Promise<void> {
	expect(
		{ status: response.status, code: response.body.errors?.[0]?.extensions?.code },
		`seed ${seed}, ${step}`,
	).toEqual({ status: 400, code });
	await expectExact(step);
}

// ——— the writes, through Directus ———

async function createOne(parent: number | null): Promise<string> {
	const visible = visibleAtRandom();
	const row = ok(
		await api<{ id: number }>('POST', '/items/customers', {
			body: { name: name(), parent, visible_to_parent: visible },
		}),
		'create',
	);
	forest.nodes.set(row.id, { parent, visible });
	return `create ${row.id} below ${parent}`;
}

async function createBatch(): Promise<string> {
	const items = Array.from({ length: 2 + Math.floor(rng.next() * 3) }, () => ({
		name: name(),
		parent: rng.chance(0.2) ? null : rng.pick(forest.ids().filter((id) => forest.level(id) < maxLevel)),
		visible_to_parent: visibleAtRandom(),
	}));
	const rows = ok(await api<{ id: number }[]>('POST', '/items/customers', { body: items }), 'batch create');
	rows.forEach((row, index) => {
		const item = items[index];
		if (item) forest.nodes.set(row.id, { parent: item.parent, visible: item.visible_to_parent });
	});
	return `create ${rows.map((row) => row.id).join(',')} in one request`;
}

async function createWithChildren(): Promise<string> {
	const parent = rng.pick(forest.ids().filter((id) => forest.level(id) < maxLevel - 1));
	const visible = visibleAtRandom();
	const children = [visibleAtRandom(), visibleAtRandom()];
	const body = {
		name: name(),
		parent,
		visible_to_parent: visible,
		children: children.map((childVisible) => ({ name: name(), visible_to_parent: childVisible })),
	};
	const row = ok(await api<{ id: number }>('POST', '/items/customers', { body }), 'nested create');
	forest.nodes.set(row.id, { parent, visible });
	const read = ok(
		await api<{ id: number; visible_to_parent: boolean }[]>(
			'GET',
			`/items/customers?filter[parent][_eq]=${row.id}&fields=id,visible_to_parent&sort=id`,
		),
		'reading children',
	);
	expect(
		read.map((child) => child.visible_to_parent),
		`seed ${seed}: nested children`,
	).toEqual(children);
	for (const child of read) forest.nodes.set(child.id, { parent: row.id, visible: child.visible_to_parent });
	return `create ${row.id} below ${parent} with children ${read.map((child) => child.id).join(',')}`;
}

async function move(toRoot: boolean): Promise<string> {
	const id = rng.pick(forest.ids());
	const parents = forest.parentsFor(id);
	const parent = toRoot || parents.length === 0 ? null : rng.pick(parents);
	ok(await api('PATCH', `/items/customers/${id}`, { body: { parent } }), 'move');
	forest.nodes.set(id, { parent, visible: forest.nodes.get(id)?.visible ?? true });
	return `move ${id} below ${parent}`;
}

async function toggle(): Promise<string> {
	const id = rng.pick(forest.ids());
	const node = forest.nodes.get(id) ?? { parent: null, visible: true };
	ok(await api('PATCH', `/items/customers/${id}`, { body: { visible_to_parent: !node.visible } }), 'toggle');
	forest.nodes.set(id, { ...node, visible: !node.visible });
	return `toggle ${id} to ${!node.visible}`;
}

async function deleteSome(): Promise<string> {
	const small = forest.ids().filter((id) => forest.branch(id).size <= 3);
	const gone = [...forest.branch(rng.pick(small))];
	ok(await api('DELETE', '/items/customers', { body: gone }), 'delete');
	for (const id of gone) forest.nodes.delete(id);
	return `delete ${gone.join(',')}`;
}

async function moveSeveral(): Promise<string> {
	const parent = rng.pick(forest.ids());
	const keys = forest
		.ids()
		.filter((id) => id !== parent && rng.chance(0.2) && forest.parentsFor(id).includes(parent))
		.slice(0, 4);
	if (keys.length === 0) return move(false);
	ok(await api('PATCH', '/items/customers', { body: { keys, data: { parent } } }), 'batch move');
	for (const id of keys) forest.nodes.set(id, { parent, visible: forest.nodes.get(id)?.visible ?? true });
	return `move ${keys.join(',')} below ${parent} with { keys, data }`;
}

async function batchOfChanges(): Promise<string> {
	const items: { id: number; parent?: number | null; visible_to_parent?: boolean }[] = [];
	for (const id of [rng.pick(forest.ids()), rng.pick(forest.ids()), rng.pick(forest.ids())]) {
		if (items.some((item) => item.id === id)) continue;
		const node = forest.nodes.get(id) ?? { parent: null, visible: true };
		if (rng.chance(0.5)) {
			items.push({ id, visible_to_parent: !node.visible });
			forest.nodes.set(id, { ...node, visible: !node.visible });
		} else {
			// Chosen against the forest as the items before it left it: the batch applies them in order.
			const parents = forest.parentsFor(id);
			const parent = parents.length === 0 || rng.chance(0.15) ? null : rng.pick(parents);
			items.push({ id, parent });
			forest.nodes.set(id, { ...node, parent });
		}
	}
	ok(await api('PATCH', '/items/customers', { body: items }), 'batch of changes');
	return `batch ${JSON.stringify(items)}`;
}

async function adoptThroughChildren(): Promise<string> {
	const id = rng.pick(forest.ids());
	const candidates = forest.ids().filter((child) => forest.parentsFor(child).includes(id));
	if (candidates.length === 0) return toggle();
	const child = rng.pick(candidates);
	ok(
		await api('PATCH', `/items/customers/${id}`, {
			body: { children: { create: [], update: [{ id: child }], delete: [] } },
		}),
		'adopt through children',
	);
	forest.nodes.set(child, { parent: id, visible: forest.nodes.get(child)?.visible ?? true });
	return `adopt ${child} below ${id} through children`;
}

const operations: [weight: number, run: () => Promise<string>][] = [
	[14, () => createOne(rng.chance(0.15) ? null : rng.pick(forest.ids().filter((id) => forest.level(id) < maxLevel)))],
	[8, createBatch],
	[4, createWithChildren],
	[20, () => move(false)],
	[6, () => move(true)],
	[14, toggle],
	[10, deleteSome],
	[9, moveSeveral],
	[9, batchOfChanges],
	[6, adoptThroughChildren],
];

function pickOperation(): () => Promise<string> {
	let roll = rng.next() * operations.reduce((sum, [weight]) => sum + weight, 0);
	for (const [weight, run] of operations) {
		roll -= weight;
		if (roll < 0) return run;
	}
	return toggle;
}

/** A fresh tree: a chain six deep, then random customers below any of them. */
async function plantForest(): Promise<void> {
	let parent: number | null = null;
	for (let level = 0; level <= maxLevel; level++) {
		await createOne(parent);
		parent = Math.max(...forest.ids());
	}
	for (let round = 0; round < 3; round++) await createBatch();
}

describe('customer_tree through Directus', () => {
	beforeAll(async () => {
		await plantForest();
	});

	test('Was installed when Directus started, and not by the CLI commands before it', async () => {
		const log = await readFile(directusUnderTest().logFile, 'utf8');
		const start = log.lastIndexOf('$ directus start');
		expect(log.slice(0, start)).not.toMatch(/triggers that keep/);
		expect(log.slice(start)).toMatch(
			/Customer Portal: the triggers that keep customer_tree \(version [0-9a-f]{12}\) installed at start-up/,
		);
	});

	test('Stays exact through random creates, moves, visibility changes, deletes and batches', async () => {
		await expectExact('planted');
		for (let step = 0; step < 60; step++) {
			const operation = await pickOperation()();
			await expectExact(`step ${step}: ${operation}`);
		}
	});

	test('Refuses to place a customer below itself or its own sub-customers, and changes nothing', async () => {
		// A branch three deep below a random customer, any of it possibly hidden: the guard walks the full tree.
		const above = rng.pick(forest.ids().filter((id) => forest.level(id) < maxLevel - 2));
		await createOne(above);
		const top = Math.max(...forest.ids());
		await createOne(top);
		const child = Math.max(...forest.ids());
		await createOne(child);
		const deep = Math.max(...forest.ids());
		const elsewhere = forest.ids().filter((id) => !forest.branch(top).has(id));

		await expectRefused(
			await api('PATCH', `/items/customers/${top}`, { body: { parent: top } }),
			'CUSTOMER_CYCLE',
			`below itself (${top})`,
		);
		await expectRefused(
			await api('PATCH', `/items/customers/${top}`, { body: { parent: child } }),
			'CUSTOMER_CYCLE',
			`below its child (${top} < ${child})`,
		);
		await expectRefused(
			await api('PATCH', `/items/customers/${top}`, { body: { parent: { id: deep } } }),
			'CUSTOMER_CYCLE',
			`below a grandchild (${top} < ${deep})`,
		);
		await expectRefused(
			await api('PATCH', '/items/customers', {
				body: { keys: [...elsewhere.slice(0, 1), top], data: { parent: deep } },
			}),
			'CUSTOMER_CYCLE',
			'with { keys, data }',
		);
		await expectRefused(
			await api('PATCH', '/items/customers', {
				body: [
					{ id: deep, visible_to_parent: !forest.nodes.get(deep)?.visible },
					{ id: top, parent: deep },
				],
			}),
			'CUSTOMER_CYCLE',
			'in a batch, after a change that would otherwise be kept',
		);
		await expectRefused(
			await api('PATCH', `/items/customers/${deep}`, {
				body: { children: { create: [], update: [{ id: top }], delete: [] } },
			}),
			'CUSTOMER_CYCLE',
			'through children',
		);
	});

	test('Refuses two customers placed below each other in one batch', async () => {
		const [first, second] = [
			forest.ids().filter((id) => forest.nodes.get(id)?.parent === null)[0],
			Math.max(...forest.ids()),
		];
		expect(first).toBeDefined();
		const response = await api('PATCH', '/items/customers', {
			body: [
				{ id: second, parent: null },
				{ id: first, parent: second },
				{ id: second, parent: first },
			],
		});
		await expectRefused(response, 'CUSTOMER_CYCLE', `${first} and ${second} below each other`);
	});

	test('Refuses a new customer that names itself as parent, and a parent that does not exist', async () => {
		const id = 1_900_000_000 + Math.floor(rng.next() * 1_000_000);
		await expectRefused(
			await api('POST', '/items/customers', { body: { id, name: name(), parent: id } }),
			'CUSTOMER_CYCLE',
			'created below itself',
		);
		const response = await api('POST', '/items/customers', { body: { name: name(), parent: id } });
		expect(response.body.errors?.[0]?.message).toBe(
			`There is no customer ${id} to place this customer below. Choose an existing parent customer, or none.`,
		);
		await expectRefused(response, 'CUSTOMER_PARENT_NOT_FOUND', 'created below nobody');
		await expectRefused(
			await api('PATCH', `/items/customers/${rng.pick(forest.ids())}`, { body: { parent: id } }),
			'CUSTOMER_PARENT_NOT_FOUND',
			'moved below nobody',
		);
	});

	test('Keeps customer_tree and the tree paths out of anyone’s hands, the admin’s included', async () => {
		const [row] = ok(
			await api<{ id: number }[]>(
				'GET',
				`/items/customer_tree?filter[customer][name][_starts_with]=${prefix}&fields=id&limit=1`,
			),
			'reading a row',
		);
		const [customer, ancestor] = forest.ids();
		for (const response of [
			await api('POST', '/items/customer_tree', { body: { customer, ancestor, depth: 1 } }),
			await api('PATCH', `/items/customer_tree/${row?.id}`, { body: { depth: 7 } }),
			await api('DELETE', `/items/customer_tree/${row?.id}`),
			await api('PATCH', `/items/customers/${customer}`, { body: { ancestors: [] } }),
			await api('PATCH', `/items/customers/${customer}`, { body: { tree_path: `/${ancestor}/${customer}/` } }),
			await api('PATCH', '/items/customers', {
				body: { keys: [customer], data: { name: `${prefix}renamed`, tree_path: '/' } },
			}),
			await api('POST', '/items/customers', { body: { name: name(), tree_path: `/${ancestor}/0/` } }),
		]) {
			expect({ status: response.status, code: response.body.errors?.[0]?.extensions?.code }).toEqual({
				status: 403,
				code: 'CUSTOMER_TREE_READ_ONLY',
			});
		}
		await expectExact('after attempts to edit customer_tree');
	});
});

describe('customer_tree when writes bypass Directus', () => {
	let db: Knex;
	beforeAll(() => {
		db = directDatabase();
	});
	afterAll(() => db.destroy());

	test('Stays exact through an import written straight to the database', async () => {
		const base =
			Number(
				((await db('customers').max({ max: 'id' }).first()) as { max: number | string | null } | undefined)?.max ?? 0,
			) + 1_000_000;
		const top = rng.pick(forest.ids().filter((id) => forest.level(id) < 2));
		// A tree four deep in one statement, each child listed before its parent.
		const imported = [
			{ id: base + 4, parent: base + 3, visible: true },
			{ id: base + 5, parent: base + 3, visible: false },
			{ id: base + 3, parent: base + 2, visible: true },
			{ id: base + 2, parent: base + 1, visible: true },
			{ id: base + 1, parent: top, visible: true },
		];
		await db('customers').insert(
			imported.map(({ id, parent, visible }) => ({
				id,
				name: name(),
				parent,
				visible_to_parent: visible,
				status: 'active',
			})),
		);
		for (const { id, parent, visible } of imported) forest.nodes.set(id, { parent, visible });
		await expectExact('imported children first');

		await db('customers')
			.update({ parent: null })
			.where('id', base + 2);
		forest.nodes.set(base + 2, { parent: null, visible: true });
		await expectExact('moved to the top');

		const target = rng.pick(forest.parentsFor(base + 3).filter((id) => forest.parentsFor(base + 1).includes(id)));
		await db('customers')
			.update({ parent: target })
			.whereIn('id', [base + 3, base + 1]);
		for (const id of [base + 3, base + 1]) forest.nodes.set(id, { parent: target, visible: true });
		await expectExact('several moved in one statement');

		await db('customers')
			.update({ visible_to_parent: false })
			.where('id', base + 3);
		forest.nodes.set(base + 3, { parent: target, visible: false });
		await expectExact('hidden');

		await db('customers')
			.delete()
			.whereIn('id', [base + 4, base + 5, base + 3]);
		for (const id of [base + 4, base + 5, base + 3]) forest.nodes.delete(id);
		await expectExact('deleted');
	});

	test('Survives a schema change to customers, which on SQLite rebuilds the table and drops its triggers', async () => {
		const field = 'tree_test_manager';
		const relation = {
			collection: 'customers',
			field,
			related_collection: 'directus_users',
			schema: { on_delete: 'SET NULL' },
		};
		ok(
			await api('POST', '/fields/customers', {
				body: { field, type: 'uuid', meta: { interface: 'select-dropdown-m2o' }, schema: {} },
			}),
			'adding a field',
		);
		try {
			ok(await api('POST', '/relations', { body: relation }), 'adding a relation');
			// A write Directus does not see, while the triggers may be gone…
			const parent = rng.pick(forest.ids().filter((id) => forest.level(id) < maxLevel - 1));
			const [{ id }] = (await db('customers')
				.insert({ name: name(), parent, visible_to_parent: true, status: 'active' })
				.returning('id')) as [{ id: number }];
			forest.nodes.set(id, { parent, visible: true });
			// …then one through Directus, which finds the triggers missing and repairs customer_tree first.
			await createOne(id);
			expect(await triggersAreCurrent(db, bundledCustomerTree.triggers)).toBe(true);
			await expectExact('after a new relation on customers');
		} finally {
			ok(await api('DELETE', `/fields/customers/${field}`), 'removing the field');
		}
		await move(false);
		expect(await triggersAreCurrent(db, bundledCustomerTree.triggers)).toBe(true);
		await expectExact('after a field of customers was removed');
	});

	test('Puts back triggers a schema change dropped before the next write through Directus', async () => {
		const dialect = directusUnderTest().databaseConfig.client;
		for (const trigger of ['portal_customer_tree_insert', 'portal_customer_tree_update']) {
			await db.raw(dialect === 'pg' ? `DROP TRIGGER ${trigger} ON customers` : `DROP TRIGGER ${trigger}`);
		}
		// Unseen by the missing triggers…
		const [{ id }] = (await db('customers')
			.insert({ name: name(), parent: null, visible_to_parent: true, status: 'active' })
			.returning('id')) as [{ id: number }];
		forest.nodes.set(id, { parent: null, visible: true });
		expect(await bundledCustomerTree.isExact(db)).toBe(false);
		// …and repaired by the next write through Directus (a create: its filter runs inside the write's transaction).
		await createOne(rng.pick(forest.ids().filter((other) => forest.level(other) < maxLevel)));
		expect(await triggersAreCurrent(db, bundledCustomerTree.triggers)).toBe(true);
		await expectExact('after triggers went missing');
	});

	// Registered on PostgreSQL only: it has concurrent writers; on SQLite one writer at a time is the database's own rule.
	const testOnPostgres = (name: string, body: () => Promise<void>) => {
		if (inject('directus').database === 'postgres') test(name, body);
	};
	testOnPostgres('Stays exact when customers are added below a customer while it moves, on PostgreSQL', async () => {
		const add = async (parent: number | null) => {
			const row = ok(
				await api<{ id: number }>('POST', '/items/customers', {
					body: { name: name(), parent, visible_to_parent: true },
				}),
				'create',
			);
			forest.nodes.set(row.id, { parent, visible: true });
			return row.id;
		};
		const tops = [await add(null), await add(null)];
		const middle = await add(tops[0] as number);
		const leaf = await add(middle);
		for (let round = 0; round < 12; round++) {
			const parent = tops[(round + 1) % 2] as number;
			const [, below, deeper] = await Promise.all([
				api('PATCH', `/items/customers/${middle}`, { body: { parent } }),
				api<{ id: number }>('POST', '/items/customers', {
					body: { name: name(), parent: middle, visible_to_parent: true },
				}),
				api<{ id: number }>('POST', '/items/customers', {
					body: { name: name(), parent: leaf, visible_to_parent: true },
				}),
			]);
			forest.nodes.set(middle, { parent, visible: true });
			forest.nodes.set(ok(below, 'create during a move').id, { parent: middle, visible: true });
			forest.nodes.set(ok(deeper, 'create during a move').id, { parent: leaf, visible: true });
			await expectExact(`round ${round} of creates during a move`);
		}
	});

	testOnPostgres('Installs once when several instances start together on PostgreSQL', async () => {
		await db.raw('DROP TRIGGER portal_customer_tree_update ON customers');
		await db('customer_tree').delete().whereIn('customer', forest.ids().slice(0, 3));
		const instances = Array.from({ length: 4 }, () => directDatabase());
		try {
			const outcomes = await Promise.all(instances.map((instance) => ensureDerivedTable(instance, customerTree)));
			expect(outcomes.filter((outcome) => outcome.status === 'ready' && outcome.installed)).toHaveLength(1);
			expect(
				outcomes.filter((outcome) => outcome.status === 'ready' && !outcome.installed && !outcome.rebuilt),
			).toHaveLength(3);
		} finally {
			await Promise.all(instances.map((instance) => instance.destroy()));
		}
		await expectExact('after concurrent installs');
		await move(false);
		await expectExact('after concurrent installs and a move');
	});
});
