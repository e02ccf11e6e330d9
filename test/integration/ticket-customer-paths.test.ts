/**
 * `tickets.customer_path` on a real Directus. On PostgreSQL every ticket's path is its customer's tree path
 * after each write, through Directus and straight in the database: tickets created (one by one and in a
 * batch) and moved to another customer, customers moved, hidden from and shown to their parent, a path
 * forged in SQL. Through Directus nobody writes it, the admin included. On SQLite it is not kept (the
 * rules join the customer there) and no trigger is installed for it. Before a write to a table, one read
 * tells which of the trigger sets kept on it went stale, and each of those is put back.
 */
import { readFile } from 'node:fs/promises';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureDerivedTable } from '../../src/database/ensure-derived-table.ts';
import { installedTriggers } from '../../src/database/installed-triggers.ts';
import { staleTriggerSets, triggersAreCurrent } from '../../src/database/triggers-are-current.ts';
import { api, createRow, directDatabase, directusUnderTest } from '../support/directus-under-test.ts';
import { uniqueName } from '../support/portal-users.ts';
import {
	bundledCustomerTree,
	bundledTicketCustomerPaths,
	bundledTicketFollowers,
	bundledTicketCustomerPaths as ticketCustomerPaths,
} from '../support/bundled-derived-tables.ts';

const postgres = directusUnderTest().database === 'postgres';
let db: Knex;
const customers = { root: 0, child: 0, grandchild: 0, other: 0 };

/** This file's tickets whose path is not their customer's (PostgreSQL), or that have a path at all (SQLite). */
async function wrongPaths(): Promise<string[]> {
	const rows = (await db('tickets')
		.join('customers', 'customers.id', 'tickets.customer')
		.whereIn('tickets.customer', Object.values(customers))
		.select('tickets.id', 'tickets.customer_path', 'customers.tree_path')) as {
		id: number;
		customer_path: string | null;
		tree_path: string | null;
	}[];
	return rows
		.filter((row) => row.customer_path !== (postgres ? row.tree_path : null))
		.map((row) => `ticket ${row.id}: ${row.customer_path} (customer's ${row.tree_path})`);
}

async function expectExact(what: string): Promise<void> {
	expect(await wrongPaths(), what).toEqual([]);
	if (postgres) expect(await bundledTicketCustomerPaths.isExact(db), what).toBe(true);
}

const ticketFor = async (customer: number) =>
	(await createRow('tickets', { customer, subject: uniqueName('Path ticket') })).id;

beforeAll(async () => {
	db = directDatabase();
	customers.root = (await createRow('customers', { name: uniqueName('Path root') })).id;
	customers.child = (await createRow('customers', { name: uniqueName('Path child'), parent: customers.root })).id;
	customers.grandchild = (
		await createRow('customers', { name: uniqueName('Path grandchild'), parent: customers.child })
	).id;
	customers.other = (await createRow('customers', { name: uniqueName('Path other') })).id;
});

afterAll(() => db.destroy());

describe('A ticket’s customer path', () => {
	test('Follows every write to tickets and customers, through Directus and straight in the database', async () => {
		for (const customer of Object.values(customers)) await ticketFor(customer);
		await expectExact('tickets created one by one');
		const batch = await api<{ id: number }[]>('POST', '/items/tickets', {
			body: Object.values(customers).map((customer) => ({ customer, subject: uniqueName('Batch') })),
		});
		expect(batch.status).toBe(200);
		await expectExact('tickets created in one request');

		const moving = await ticketFor(customers.grandchild);
		expect((await api('PATCH', `/items/tickets/${moving}`, { body: { customer: customers.other } })).status).toBe(200);
		await expectExact('a ticket moved to another customer');
		expect(
			(await api('PATCH', `/items/customers/${customers.child}`, { body: { parent: customers.other } })).status,
		).toBe(200);
		await expectExact('a subtree moved below another customer');
		expect(
			(await api('PATCH', `/items/customers/${customers.child}`, { body: { visible_to_parent: false } })).status,
		).toBe(200);
		await expectExact('a subtree hidden from its parent');
		expect(
			(
				await api('PATCH', `/items/customers/${customers.child}`, {
					body: { visible_to_parent: true, parent: customers.root },
				})
			).status,
		).toBe(200);
		await expectExact('a subtree shown and moved back');

		// An import straight into the database: no hook sees it.
		const forged = postgres ? { customer_path: '/' } : {};
		const [raw] = (await db('tickets')
			.insert({ customer: customers.grandchild, subject: 'Imported', status: 'new', ...forged })
			.returning('id')) as ({ id: number } | number)[];
		const rawId = typeof raw === 'object' ? raw.id : Number(raw);
		await expectExact('a ticket inserted in SQL with a forged path');
		await db('tickets').where('id', rawId).update({ customer: customers.other });
		await expectExact('a ticket moved in SQL');
		await db('customers').where('id', customers.grandchild).update({ parent: customers.other });
		await expectExact('a customer moved in SQL');
	});

	test('Stays exact when tickets are written while their customer moves', async () => {
		expect(
			(await api('PATCH', `/items/customers/${customers.grandchild}`, { body: { parent: customers.child } })).status,
		).toBe(200);
		const parents = [customers.root, customers.other];
		for (let round = 0; round < 12; round++) {
			const writes = [
				api('PATCH', `/items/customers/${customers.child}`, { body: { parent: parents[round % 2] } }),
				api('POST', '/items/tickets', {
					body: { customer: customers.grandchild, subject: uniqueName('During a move') },
				}),
				api('POST', '/items/tickets', { body: { customer: customers.child, subject: uniqueName('During a move') } }),
			];
			for (const response of await Promise.all(writes)) expect(response.status).toBe(200);
			await expectExact(`round ${round}`);
		}
	});

	test('Cannot be written through Directus, the admin included, and a value forged in the database does not hold', async () => {
		const ticket = await ticketFor(customers.child);
		for (const [method, path, body] of [
			['PATCH', `/items/tickets/${ticket}`, { customer_path: '/' }],
			['PATCH', '/items/tickets', { keys: [ticket], data: { customer_path: '/' } }],
			['POST', '/items/tickets', { customer: customers.child, subject: 'Forged', customer_path: '/' }],
		] as const) {
			const response = await api(method, path, { body });
			expect(response.status, `${method} ${path}`).toBe(403);
			expect(JSON.stringify(response.body)).toContain('TICKET_CUSTOMER_PATH_READ_ONLY');
		}
		// Other writes to tickets go through as ever.
		expect((await api('PATCH', `/items/tickets/${ticket}`, { body: { subject: uniqueName('Renamed') } })).status).toBe(
			200,
		);
		if (postgres) await db('tickets').where('id', ticket).update({ customer_path: '/' });
		await expectExact('a path forged in SQL');
	});

	test(`Is what the rules on tickets read ${postgres ? 'on PostgreSQL' : 'nowhere on SQLite, which joins the customer'}`, async () => {
		const policy = (
			await api<{ policy: string }[]>('GET', '/items/portal_groups?filter[name][_eq]=Administrator&fields=policy')
		).body.data?.[0]?.policy;
		const rows = await api<{ collection: string; permissions: unknown }[]>(
			'GET',
			`/permissions?filter[policy][_eq]=${policy}&filter[action][_eq]=read&fields=collection,permissions&limit=-1`,
		);
		const rule = (collection: string) =>
			JSON.stringify(rows.body.data?.find((row) => row.collection === collection)?.permissions);
		const byPath = '"customer_path":{"_starts_with":"$CURRENT_POLICIES.portal_tree_path"}';
		expect(rule('tickets')).toBe(
			postgres ? `{${byPath}}` : '{"customer":{"tree_path":{"_starts_with":"$CURRENT_POLICIES.portal_tree_path"}}}',
		);
		expect(rule('ticket_participants')?.includes(byPath)).toBe(postgres);
	});

	test(
		postgres
			? 'Is kept by triggers that a start-up check puts back, with any path they missed'
			: 'Is not kept on SQLite, where no trigger names it',
		async () => {
			if (!postgres) {
				expect((await installedTriggers(db, bundledTicketCustomerPaths.triggers)).triggers).toEqual([]);
				expect(await ensureDerivedTable(db, ticketCustomerPaths)).toEqual({ status: 'not-kept', dialect: 'sqlite3' });
				return;
			}
			const log = await readFile(directusUnderTest().logFile, 'utf8');
			expect(log.slice(log.lastIndexOf('$ directus start'))).toMatch(
				/Customer Portal: the triggers that keep tickets\.customer_path \(version [0-9a-f]{12}\) installed at start-up/,
			);
			expect(await triggersAreCurrent(db, bundledTicketCustomerPaths.triggers)).toBe(true);
			const ticket = await ticketFor(customers.root);
			await db.raw('ALTER TABLE tickets DISABLE TRIGGER portal_ticket_path_update');
			try {
				await db('tickets').where('id', ticket).update({ customer_path: '/' });
				expect(await triggersAreCurrent(db, bundledTicketCustomerPaths.triggers)).toBe(false);
				expect(await bundledTicketCustomerPaths.isExact(db)).toBe(false);
			} finally {
				const outcome = await ensureDerivedTable(db, ticketCustomerPaths);
				expect(outcome).toMatchObject({ status: 'ready', installed: true, rebuilt: true, rows: 1 });
			}
			expect(await triggersAreCurrent(db, bundledTicketCustomerPaths.triggers)).toBe(true);
			await expectExact('after the start-up check');
			// Its index (the rules' "path starts with" for small subtrees) is part of what is checked.
			await db.raw('DROP INDEX portal_ticket_path_prefix_index');
			expect(await triggersAreCurrent(db, bundledTicketCustomerPaths.triggers)).toBe(false);
			expect(await ensureDerivedTable(db, ticketCustomerPaths)).toMatchObject({
				status: 'ready',
				installed: true,
				rebuilt: false,
			});
			const index = (await db.raw(
				"SELECT indexdef FROM pg_indexes WHERE indexname = 'portal_ticket_path_prefix_index'",
			)) as { rows: { indexdef: string }[] };
			expect(index.rows[0]?.indexdef).toMatch(/ON public\.tickets USING btree \(customer_path text_pattern_ops\)/);
		},
	);

	test('Before a write through Directus, the trigger sets kept on its table are checked in one read and each stale one is put back', async () => {
		// On customers: customer_tree's set, and on PostgreSQL the ticket paths' too; ticket_followers' is not on it.
		const kept = postgres
			? [bundledCustomerTree.triggers, bundledTicketCustomerPaths.triggers]
			: [bundledCustomerTree.triggers];
		const all = [...kept, bundledTicketFollowers.triggers];
		expect(await staleTriggerSets(db, all)).toEqual([]);
		const { parent } = (await db('customers').where('id', customers.grandchild).first('parent')) as { parent: number };
		if (postgres) {
			await db.raw('ALTER TABLE customers DISABLE TRIGGER portal_customer_tree_update');
			await db.raw('ALTER TABLE customers DISABLE TRIGGER portal_ticket_path_customers_moved');
		} else {
			await db.raw('DROP TRIGGER portal_customer_tree_update');
		}
		try {
			// A move the disabled triggers do not see.
			await db('customers')
				.where('id', customers.grandchild)
				.update({ parent: parent === customers.root ? customers.other : customers.root });
			expect(await staleTriggerSets(db, all)).toEqual(kept);
			expect(await bundledCustomerTree.isExact(db)).toBe(false);
		} finally {
			// Any write to customers through Directus: its filter finds both sets stale and repairs them, the tree first.
			expect(
				(await api('PATCH', `/items/customers/${customers.other}`, { body: { name: uniqueName('Path other') } }))
					.status,
			).toBe(200);
		}
		expect(await staleTriggerSets(db, all)).toEqual([]);
		expect(await bundledCustomerTree.isExact(db)).toBe(true);
		await expectExact('after the write that put the triggers back');
	});
});
