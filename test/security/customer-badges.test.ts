/**
 * Customer badges: the policy that tells the portal's rules which customer a contact belongs to. The
 * edges: a contact moved to another customer sees that customer's records and no longer the old one's on
 * the next request; a customer moved in the tree takes its contacts' subtree along; nobody, not even an
 * admin, can set, attach, edit or empower a badge by hand; a contact cannot read or probe badges; a badge
 * attached behind Directus's back is detached by the doctor, and one whose customer moved there is brought in
 * line by it; a deleted customer's badge goes with it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Knex } from 'knex';
import { api, createRow, directDatabase } from '../support/directus-under-test.ts';
import { expectReadRefused } from '../support/expect-read-refused.ts';
import { eventually } from '../support/eventually.ts';
import { createPortalContact, type PortalContact, tokenOf, uniqueName } from '../support/portal-users.ts';
import { visibleTicketNames } from '../support/visible-tickets.ts';
import { graphql } from './attack-world.ts';

let db: Knex;
const customers = { a: 0, b: 0, parent: 0, child: 0 };
const tickets: Record<keyof typeof customers, number> = { a: 0, b: 0, parent: 0, child: 0 };

async function badgeOf(customer: number): Promise<string | null> {
	return (
		(await db('customers').select('portal_badge').where('id', customer).first()) as { portal_badge: string | null }
	).portal_badge;
}

async function badgesOfUser(user: string): Promise<string[]> {
	return (
		(await db('directus_access')
			.join('customers', 'customers.portal_badge', 'directus_access.policy')
			.select('directus_access.policy')
			.where('directus_access.user', user)) as { policy: string }[]
	).map((row) => row.policy);
}

/** The test tickets the token can read, by customer name. */
const visible = (token: string) => visibleTicketNames(tickets, token);

beforeAll(async () => {
	db = directDatabase();
	customers.a = (await createRow('customers', { name: uniqueName('Badge A') })).id;
	customers.b = (await createRow('customers', { name: uniqueName('Badge B') })).id;
	customers.parent = (await createRow('customers', { name: uniqueName('Badge parent') })).id;
	customers.child = (await createRow('customers', { name: uniqueName('Badge child'), parent: customers.a })).id;
	for (const name of Object.keys(customers) as (keyof typeof customers)[])
		tickets[name] = (
			await createRow('tickets', { customer: customers[name], subject: uniqueName(`Ticket of ${name}`) })
		).id;
});

afterAll(async () => {
	await db.destroy();
});

describe('A contact’s customer badge', () => {
	let contact: PortalContact;
	let token: string;

	beforeAll(async () => {
		contact = await createPortalContact(customers.a, 'Manager');
		token = await tokenOf(contact);
	});

	test('Is their customer’s, held next to their group’s policy, and a policy that grants nothing', async () => {
		const badge = await badgeOf(customers.a);
		expect(badge).not.toBeNull();
		expect(await badgesOfUser(contact.userId)).toEqual([badge]);
		const policy = await api<{ name: string; admin_access: boolean; app_access: boolean; permissions: unknown[] }>(
			'GET',
			`/policies/${badge}?fields=name,admin_access,app_access,permissions`,
		);
		expect(policy.body.data).toMatchObject({ admin_access: false, app_access: false, permissions: [] });
		expect(policy.body.data?.name).toMatch(/^Portal badge: Badge A/);
		expect(await visible(token)).toEqual(['a']);
	});

	test('Follows the contact to another customer on the very next request, and back', async () => {
		expect((await api('PATCH', `/items/contacts/${contact.id}`, { body: { customer: customers.b } })).status).toBe(200);
		expect(await visible(token)).toEqual(['b']);
		expect(await badgesOfUser(contact.userId)).toEqual([await badgeOf(customers.b)]);
		expect((await api('PATCH', `/items/contacts/${contact.id}`, { body: { customer: customers.a } })).status).toBe(200);
		expect(await visible(token)).toEqual(['a']);
		expect(await badgesOfUser(contact.userId)).toEqual([await badgeOf(customers.a)]);
	});

	test('Goes with the login: suspended, in a group that grants nothing, or unlinked, the user holds none', async () => {
		const other = await createPortalContact(customers.b, 'Manager');
		expect(await badgesOfUser(other.userId)).toHaveLength(1);
		expect((await api('PATCH', `/items/contacts/${other.id}`, { body: { login_suspended: true } })).status).toBe(200);
		expect(await badgesOfUser(other.userId)).toEqual([]);
		expect((await api('PATCH', `/items/contacts/${other.id}`, { body: { login_suspended: false } })).status).toBe(200);
		expect(await badgesOfUser(other.userId)).toHaveLength(1);
		expect(
			(
				await api('PATCH', `/items/contacts/${other.id}`, {
					body: {
						portal_group: (
							await api<{ id: number }[]>('GET', '/items/portal_groups?filter[name][_eq]=No Portal Access&fields=id')
						).body.data?.[0]?.id,
					},
				})
			).status,
		).toBe(200);
		expect(await badgesOfUser(other.userId)).toEqual([]);
		expect((await api('PATCH', `/items/contacts/${other.id}`, { body: { portal_group: null } })).status).toBe(200);
		expect(await badgesOfUser(other.userId)).toHaveLength(1);
		expect((await api('PATCH', `/items/contacts/${other.id}`, { body: { user: null } })).status).toBe(200);
		expect(await badgesOfUser(other.userId)).toEqual([]);
	});

	test('Carries the customer’s place in the tree: a subtree moves with its customer, and a stale place shows nothing extra', async () => {
		const tree = await createPortalContact(customers.a, 'Administrator');
		const treeToken = await tokenOf(tree);
		expect(await visible(treeToken)).toEqual(['a', 'child']);
		// The child moves away: out of the tree at once (its own path changed in the same statement).
		expect(
			(await api('PATCH', `/items/customers/${customers.child}`, { body: { parent: customers.parent } })).status,
		).toBe(200);
		expect(await visible(treeToken)).toEqual(['a']);
		// The contact's own customer moves below another: its badge's path follows after the commit; until then
		// the old path matches nothing, never someone else's customers.
		expect((await api('PATCH', `/items/customers/${customers.a}`, { body: { parent: customers.parent } })).status).toBe(
			200,
		);
		const parentContact = await createPortalContact(customers.parent, 'Administrator');
		const parentToken = await tokenOf(parentContact);
		await eventually(async () => expect(await visible(treeToken)).toEqual(['a']));
		expect(await visible(parentToken)).toEqual(['a', 'child', 'parent']);
		expect((await api('PATCH', `/items/customers/${customers.a}`, { body: { parent: null } })).status).toBe(200);
		await eventually(async () => expect(await visible(parentToken)).toEqual(['child', 'parent']));
		expect(await visible(treeToken)).toEqual(['a']);
		expect((await api('PATCH', `/items/customers/${customers.child}`, { body: { parent: customers.a } })).status).toBe(
			200,
		);
		expect(await visible(treeToken)).toEqual(['a', 'child']);
	});

	test('Cannot be read or probed by a contact', async () => {
		const badge = (await badgeOf(customers.a)) as string;
		for (const path of [
			`/items/customers/${customers.a}?fields=portal_badge`,
			`/items/customers?fields=id&filter[portal_badge][_eq]=${badge}`,
			`/items/tickets?fields=id&filter[customer][portal_badge][_eq]=${badge}`,
			'/items/customers?fields=id&sort=portal_badge',
			`/policies/${badge}`,
			'/policies?fields=id,portal_tree_path',
			`/access?filter[policy][_eq]=${badge}`,
		]) {
			await expectReadRefused(path, token);
		}
		const readable = await api<Record<string, unknown>>('GET', `/items/customers/${customers.a}?fields=*`, { token });
		expect(readable.status).toBe(200);
		expect(readable.body.data).not.toHaveProperty('portal_badge');
		const viaGraphql = await graphql(
			'/graphql',
			`{ customers(filter: { id: { _eq: ${customers.a} } }) { id portal_badge } }`,
			token,
		);
		expect(JSON.stringify(viaGraphql.body)).not.toContain(badge);
	});
});

describe('Nobody sets, attaches or changes a badge by hand', () => {
	test('An admin is refused, in words, and nothing changes', async () => {
		const holder = await createPortalContact(customers.b, 'Manager');
		const badge = (await badgeOf(customers.b)) as string;
		const role = (await db('portal_settings').first('portal_role')) as { portal_role: string };
		const staffUser = await api<{ id: string }>('POST', '/users', {
			body: { email: `${uniqueName('staff').replace(' ', '-')}@staff.example.com`, password: 'staff-password-1' },
		});
		const otherPolicy = await api<{ id: string }>('POST', '/policies', { body: { name: uniqueName('Some policy') } });
		const attempts: [string, string, unknown][] = [
			['PATCH', `/items/customers/${customers.a}`, { portal_badge: badge }],
			['POST', '/items/customers', { name: uniqueName('Forged'), portal_badge: badge }],
			['POST', '/access', { user: staffUser.body.data?.id, policy: badge }],
			['POST', '/access', { role: role.portal_role, policy: badge }],
			[
				'PATCH',
				`/users/${staffUser.body.data?.id}`,
				{ policies: { create: [{ policy: badge }], update: [], delete: [] } },
			],
			['PATCH', `/policies/${badge}`, { app_access: true }],
			['PATCH', `/policies/${badge}`, { portal_tree_path: '/' }],
			['PATCH', `/policies/${otherPolicy.body.data?.id}`, { portal_tree_path: '/' }],
			['POST', '/policies', { name: uniqueName('Forged path'), portal_tree_path: '/' }],
			[
				'POST',
				'/permissions',
				{ policy: badge, collection: 'tickets', action: 'read', fields: ['*'], permissions: {} },
			],
			['DELETE', `/policies/${badge}`, undefined],
		];
		for (const [method, path, body] of attempts) {
			const response = await api<unknown>(method, path, body === undefined ? {} : { body });
			expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(403);
			expect(JSON.stringify(response.body), `${method} ${path}`).toContain('CUSTOMER_BADGE_READ_ONLY');
		}
		const holderAccess = (await db('directus_access').where('policy', badge).select('user', 'role')) as {
			user: string | null;
			role: string | null;
		}[];
		expect(holderAccess).toEqual([{ user: holder.userId, role: null }]);
		expect(
			Number(
				(
					(await db('directus_permissions').where('policy', badge).count({ count: '*' }).first()) as {
						count: number | string;
					}
				).count,
			),
		).toBe(0);
		expect(await badgeOf(customers.a)).not.toBe(badge);
		// Nor straight in the database: one customer per badge, or one badge would show two customers' records.
		await expect(db('customers').where('id', customers.a).update({ portal_badge: badge })).rejects.toThrow(/unique/i);
		expect(await badgeOf(customers.a)).not.toBe(badge);
		await api('DELETE', `/users/${staffUser.body.data?.id}`);
		await api('DELETE', `/policies/${otherPolicy.body.data?.id}`);
	});

	test('A badge attached or empowered behind Directus’s back is detached and emptied by the doctor', async () => {
		const outsider = await createPortalContact(customers.b, 'Manager');
		const outsiderToken = await tokenOf(outsider);
		const badge = (await badgeOf(customers.a)) as string;
		await db('directus_access').insert({ id: randomUUID(), user: outsider.userId, policy: badge });
		await db('directus_permissions').insert({
			policy: badge,
			collection: 'invoices',
			action: 'read',
			fields: '*',
			permissions: '{}',
		});
		await db('directus_policies').where('id', badge).update({ app_access: true });
		// Any change the doctor watches makes it look again; what it finds is put right.
		await api('PATCH', '/items/portal_settings', { body: { portal_name: uniqueName('Portal') } });
		await eventually(async () => expect(await badgesOfUser(outsider.userId)).toEqual([await badgeOf(customers.b)]));
		await eventually(async () =>
			expect(await db('directus_permissions').where('policy', badge).select('id')).toEqual([]),
		);
		expect(await db('directus_policies').where('id', badge).first('app_access', 'admin_access')).toMatchObject({
			app_access: expect.toSatisfy((value: unknown) => !value),
		});
		expect(await visible(outsiderToken)).toEqual(['b']);
		await eventually(async () =>
			expect((await api<{ open: boolean }>('GET', '/portal/api/doctor')).body.data?.open).toBe(true),
		);
	});

	test('A badge left behind by a customer moved straight in the database shows nothing, until the doctor brings it in line', async () => {
		const moved = (await createRow('customers', { name: uniqueName('Badge moved in the database') })).id;
		const below = (await createRow('customers', { name: uniqueName('Badge below it'), parent: moved })).id;
		const upper = (await createRow('customers', { name: uniqueName('Badge new parent') })).id;
		const own = {
			moved: (await createRow('tickets', { customer: moved, subject: uniqueName('Ticket of moved') })).id,
			below: (await createRow('tickets', { customer: below, subject: uniqueName('Ticket of below') })).id,
			upper: (await createRow('tickets', { customer: upper, subject: uniqueName('Ticket of upper') })).id,
		};
		const mover = await createPortalContact(moved, 'Administrator');
		const moverToken = await tokenOf(mover);
		expect(await visibleTicketNames(own, moverToken)).toEqual(['below', 'moved']);
		// The tree's triggers rewrite the paths in the same statement; no hook sees it, so the badge keeps the old one.
		await db('customers').where('id', moved).update({ parent: upper });
		expect(await visibleTicketNames(own, moverToken)).toEqual([]);
		await api('PATCH', '/items/portal_settings', { body: { portal_name: uniqueName('Portal') } });
		await eventually(async () => expect(await visibleTicketNames(own, moverToken)).toEqual(['below', 'moved']));
		const badge = (await badgeOf(moved)) as string;
		const path = ((await db('customers').where('id', moved).first('tree_path')) as { tree_path: string }).tree_path;
		expect(path).toBe(`/${upper}/${moved}/`);
		expect(await db('directus_policies').where('id', badge).first('portal_tree_path')).toEqual({
			portal_tree_path: path,
		});
	});

	test('A deleted customer’s badge is deleted with it', async () => {
		const gone = (await createRow('customers', { name: uniqueName('Badge gone') })).id;
		const passing = await createPortalContact(gone, 'Manager');
		const badge = (await badgeOf(gone)) as string;
		expect(badge).not.toBeNull();
		expect((await api('PATCH', `/items/contacts/${passing.id}`, { body: { customer: customers.b } })).status).toBe(200);
		expect((await api('DELETE', `/items/customers/${gone}`)).status).toBe(204);
		await eventually(async () => expect(await db('directus_policies').where('id', badge).first()).toBeUndefined());
	});
});
