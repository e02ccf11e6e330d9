/**
 * The edges of "their customer and the customers below it", which portal rules test as a prefix of
 * `customers.tree_path`: an id that starts another id's digits, a hidden subsidiary, a customer added
 * and moved in and out, a tree path emptied behind Directus's back, a contact probing the hidden path itself, and a user holding the group's
 * policy without a contact. Each must
 * show less, never more. (Whoever can write the database directly can also write any path, or any
 * contact's customer: the start-up check puts paths back, it cannot stop that.)
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { refreshCustomerBadges } from '../../src/badges/refresh-customer-badges.ts';
import { ensureDerivedTable } from '../../src/database/ensure-derived-table.ts';
import { api, createRow, directDatabase } from '../support/directus-under-test.ts';
import { expectReadRefused } from '../support/expect-read-refused.ts';
import { expectRefused } from '../support/expect-refused.ts';
import { createPortalContact, groupId, type PortalContact, tokenOf, uniqueName } from '../support/portal-users.ts';
import { bundledCustomerTree as customerTree } from '../support/bundled-derived-tables.ts';

let db: Knex;
/** Customer ids chosen so that one id's digits start another's: `top` and `lookalike`, a customer of its own. */
let top: number;
let lookalike: number;
let child: number;
let hidden: number;
const ticketOf = new Map<number, number>();
let contact: PortalContact;
let token: string;

async function visibleTickets(as: string): Promise<number[]> {
	const response = await api<{ id: number }[]>(
		'GET',
		`/items/tickets?fields=id&limit=-1&filter[id][_in]=${[...ticketOf.values()].join(',')}`,
		{ token: as },
	);
	expect(response.status).toBe(200);
	return (response.body.data ?? []).map(({ id }) => id).sort((a, b) => a - b);
}

async function visibleCustomers(as: string): Promise<number[]> {
	const response = await api<{ id: number }[]>(
		'GET',
		`/items/customers?fields=id&limit=-1&filter[id][_in]=${[top, lookalike, child, hidden].join(',')}`,
		{ token: as },
	);
	expect(response.status).toBe(200);
	return (response.body.data ?? []).map(({ id }) => id).sort((a, b) => a - b);
}

const ticketsOf = (...customers: number[]) =>
	customers.map((customer) => ticketOf.get(customer) as number).sort((a, b) => a - b);

beforeAll(async () => {
	db = directDatabase();
	const highest = Number(
		((await db('customers').max({ max: 'id' }).first()) as { max: number | string | null } | undefined)?.max ?? 0,
	);
	top = (Math.floor(highest / 1000) + 1) * 1000 + 7;
	lookalike = top * 10;
	await createRow('customers', { id: top, name: uniqueName('Subtree top') });
	await createRow('customers', { id: lookalike, name: uniqueName('Subtree lookalike') });
	child = (await createRow('customers', { name: uniqueName('Subtree child'), parent: top })).id;
	hidden = (await createRow('customers', { name: uniqueName('Subtree hidden'), parent: top, visible_to_parent: false }))
		.id;
	for (const customer of [top, lookalike, child, hidden])
		ticketOf.set(customer, (await createRow('tickets', { customer, subject: uniqueName('Subtree ticket') })).id);
	contact = await createPortalContact(top, 'Administrator');
	token = await tokenOf(contact);
});

afterAll(async () => {
	await ensureDerivedTable(db, customerTree);
	await db.destroy();
});

describe('Their customer and the customers below it', () => {
	test('Reaches the customers below, not a hidden subsidiary, nor a customer whose id starts with the same digits', async () => {
		expect(await visibleCustomers(token)).toEqual([top, child].sort((a, b) => a - b));
		expect(await visibleTickets(token)).toEqual(ticketsOf(top, child));
		for (const path of ['/items/customers?fields=*', '/items/tickets?fields=*.*.*', '/items/devices?fields=*.*'])
			expect((await api('GET', path, { token })).status, path).toBe(200);
		const paths = await db('customers').whereIn('id', [top, lookalike]).orderBy('id').pluck('tree_path');
		expect(paths).toEqual([`/${top}/`, `/${lookalike}/`]);
	});

	test('A tree path emptied or cleared behind Directus’s back shows nothing rather than everything', async () => {
		// The rule compares customers' paths with the copy the contact's badge carries (src/badges/ensure-customer-badge.ts).
		const badge = ((await db('customers').where('id', top).first('portal_badge')) as { portal_badge: string })
			.portal_badge;
		expect(badge).toBeTruthy();
		for (const broken of ['', null]) {
			await db('directus_policies').where('id', badge).update({ portal_tree_path: broken });
			expect(await visibleTickets(token), `badge path ${JSON.stringify(broken)}`).toEqual([]);
			expect(await visibleCustomers(token), `badge path ${JSON.stringify(broken)}`).toEqual([]);
			await db('customers').where('id', top).update({ tree_path: broken });
			expect(await visibleTickets(token), `both paths ${JSON.stringify(broken)}`).toEqual([]);
			await refreshCustomerBadges(db);
			// The badge now copies the broken path: still nothing.
			expect(await visibleTickets(token), `copied path ${JSON.stringify(broken)}`).toEqual([]);
			await ensureDerivedTable(db, customerTree);
			await refreshCustomerBadges(db);
		}
		expect(await visibleTickets(token)).toEqual(ticketsOf(top, child));
	});

	test('A customer added or moved below shows on the next request, and one moved away is gone on the next', async () => {
		const added = (await createRow('customers', { name: uniqueName('Subtree added'), parent: child })).id;
		const addedTicket = (await createRow('tickets', { customer: added, subject: uniqueName('Subtree added ticket') }))
			.id;
		ticketOf.set(added, addedTicket);
		expect(await visibleTickets(token)).toEqual(ticketsOf(top, child, added));
		expect((await api('PATCH', `/items/customers/${added}`, { body: { parent: lookalike } })).status).toBe(200);
		expect(await visibleTickets(token)).toEqual(ticketsOf(top, child));
		expect((await api('PATCH', `/items/customers/${added}`, { body: { parent: top } })).status).toBe(200);
		expect(await visibleTickets(token)).toEqual(ticketsOf(top, child, added));
		expect((await api('DELETE', `/items/tickets/${addedTicket}`)).status).toBe(204);
		expect((await api('DELETE', `/items/customers/${added}`)).status).toBe(204);
		ticketOf.delete(added);
		expect(await visibleTickets(token)).toEqual(ticketsOf(top, child));
	});

	test('A contact can neither read, probe nor write a tree path, which would map the customers above and beside it', async () => {
		for (const path of [
			'/items/customers?fields=tree_path',
			`/items/customers?fields=id&filter[tree_path][_starts_with]=/${top}/`,
			'/items/customers?fields=id&sort=tree_path',
			'/items/customers?aggregate[count]=id&groupBy[]=tree_path',
			`/items/tickets?fields=id&filter[customer][tree_path][_contains]=/${lookalike}/`,
		]) {
			await expectReadRefused(path, token);
		}
		const readable = await api<Record<string, unknown>[]>('GET', `/items/customers?fields=*&filter[id][_eq]=${top}`, {
			token,
		});
		expect(readable.body.data?.[0]).not.toHaveProperty('tree_path');
		expectRefused(
			await api('PATCH', `/items/customers/${child}`, { token, body: { tree_path: `/${lookalike}/${child}/` } }),
			'PATCH tree_path',
			{ statuses: [400, 403] },
		);
		expect(await db('customers').where('id', child).first('tree_path')).toEqual({ tree_path: `/${top}/${child}/` });
	});

	test('A user given the group’s policy by hand, without a contact, sees no customer and no ticket', async () => {
		const policy = (
			await api<{ policy: string }>('GET', `/items/portal_groups/${await groupId('Administrator')}?fields=policy`)
		).body.data?.policy;
		expect(policy).toBeTruthy();
		const email = `${uniqueName('no-contact').replace(' ', '-')}@portal.example.com`;
		const password = 'no-contact-password-1';
		const user = await api<{ id: string }>('POST', '/users', {
			body: { email, password, status: 'active', policies: { create: [{ policy }] } },
		});
		expect(user.status).toBe(200);
		const login = await api<{ access_token: string }>('POST', '/auth/login', {
			token: null,
			body: { email, password },
		});
		const stray = login.body.data?.access_token;
		expect(stray).toBeTruthy();
		expect(await visibleTickets(stray as string)).toEqual([]);
		expect(await visibleCustomers(stray as string)).toEqual([]);
	});
});
