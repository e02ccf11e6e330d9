/**
 * Fields a contact may not read, probed the indirect ways: aggregates, `search`, filters, sort and
 * groupBy on hidden or protected fields, `alias` of hashed fields, and counts. Each must be refused or
 * answer as if the field did not exist; none may tell a value apart.
 */
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { api, createRow } from '../support/directus-under-test.ts';
import { expectReadRefused } from '../support/expect-read-refused.ts';
import { expectRefused } from '../support/expect-refused.ts';
import { type AttackWorld, createAttackWorld } from './attack-world.ts';

let world: AttackWorld;
let device: number;
const devicePassword = `Zebra-${Math.random().toString(36).slice(2)}`;

beforeAll(async () => {
	world = await createAttackWorld();
	// A device of the attacker's own customer: the row is readable, its admin_password never is.
	device = (
		await createRow('devices', {
			customer: world.customerA,
			name: 'Router',
			created_by_contact: world.attacker.id,
			admin_password: devicePassword,
		})
	).id;
	const staff = (await api<{ id: string }[]>('GET', '/users?filter[email][_eq]=admin@example.com&fields=id')).body
		.data?.[0]?.id;
	await api('PATCH', `/items/tickets/${world.attackerTicket}`, { body: { assignee: staff } });
});

describe('Hidden and protected fields', () => {
	test('Aggregates over hidden fields are refused (devices.admin_password, tickets.assignee, users.password)', async () => {
		const token = world.attackerToken;
		for (const aggregate of ['count', 'countDistinct', 'min', 'max']) {
			await expectReadRefused(`/items/tickets?aggregate[${aggregate}]=customer_path`, token);
			await expectReadRefused(`/items/devices?aggregate[${aggregate}]=admin_password`, token);
			const byAssignee = `/items/tickets?aggregate[${aggregate}]=assignee`;
			// PostgreSQL has no min or max of a uuid, for an admin either: there only the refusal is checked.
			if (['min', 'max'].includes(aggregate) && inject('directus').database === 'postgres') {
				expectRefused(await api('GET', byAssignee, { token }), `GET ${byAssignee}`, { statuses: [400, 403] });
			} else {
				await expectReadRefused(byAssignee, token);
			}
			await expectReadRefused(`/users?aggregate[${aggregate}]=password`, token);
		}
		await expectReadRefused('/items/devices?aggregate[count]=id&groupBy[]=admin_password', token);
		await expectReadRefused('/items/tickets?aggregate[count]=id&groupBy[]=assignee', token);
	});

	test('search does not match hidden field values', async () => {
		const token = world.attackerToken;
		expect(
			(await api<unknown[]>('GET', `/items/devices?search=${devicePassword}&fields=id`, { token })).body.data,
		).toEqual([]);
		expect((await api<unknown[]>('GET', '/items/devices?search=Router&fields=id', { token })).body.data).toEqual([
			{ id: device },
		]);
		expect((await api<unknown[]>('GET', '/users?search=admin@example.com&fields=id', { token })).body.data).toEqual([]);
	});

	test('Filters on hidden fields are refused, directly, through relations and in deep queries', async () => {
		const token = world.attackerToken;
		const probes = [
			`/items/devices?filter[admin_password][_starts_with]=${devicePassword.slice(0, 3)}`,
			'/items/tickets?filter[assignee][_nnull]=true',
			'/items/tickets?filter[assignee][email][_starts_with]=admin',
			'/items/tickets?filter[customer_path][_starts_with]=/',
			'/items/ticket_comments?filter[ticket][customer_path][_nnull]=true',
			'/items/customers?filter[tree_path][_starts_with]=/',
			'/items/contacts?filter[user][_nnull]=true',
			'/items/contacts?filter[user][password][_nnull]=true',
			'/items/contacts?filter[portal_group][_nnull]=true',
			'/users?filter[password][_nnull]=true',
			'/users?filter[token][_nnull]=true',
			'/users?filter[role][_nnull]=true',
			`/items/customers?fields=id,devices.id&deep[devices][_filter][admin_password][_starts_with]=${devicePassword.slice(0, 3)}`,
			`/items/customers?fields=id,tickets.id&deep[tickets][_filter][assignee][_nnull]=true`,
		];
		for (const probe of probes) await expectReadRefused(probe, token);
	});

	test('Sorting by a hidden field is refused, so order cannot leak a value', async () => {
		const token = world.attackerToken;
		await expectReadRefused('/items/devices?sort=admin_password&fields=id', token);
		await expectReadRefused('/items/tickets?sort=assignee&fields=id', token);
		await expectReadRefused('/items/tickets?sort=customer_path&fields=id', token);
	});

	test('alias of hashed and protected fields is refused or returns nothing', async () => {
		const token = world.attackerToken;
		const probes: [string, string][] = [
			['/users/me?alias[secret]=password&fields=secret', 'secret'],
			['/users/me?alias[secret]=token&fields=secret', 'secret'],
			['/users/me?alias[secret]=tfa_secret&fields=secret', 'secret'],
			[`/items/devices/${device}?alias[secret]=admin_password&fields=secret`, 'secret'],
		];
		for (const [probe, alias] of probes) {
			const response = await api<Record<string, unknown>>('GET', probe, { token });
			if (response.status === 200) expect(response.body.data?.[alias] ?? null, probe).toBeNull();
			else await expectReadRefused(probe, token);
		}
		const text = JSON.stringify((await api('GET', `/items/devices/${device}?fields=*`, { token })).body);
		expect(text).not.toContain(devicePassword);
	});

	test('count(*) and countDistinct never count a row the contact may not read', async () => {
		const token = world.attackerToken;
		const readable =
			(await api<{ id: number }[]>('GET', '/items/tickets?fields=id&limit=-1', { token })).body.data?.length ?? 0;
		const distinct = await api<{ countDistinct: { id: number | string } }[]>(
			'GET',
			'/items/tickets?aggregate[countDistinct]=id',
			{ token },
		);
		expect(Number(distinct.body.data?.[0]?.countDistinct.id)).toBe(readable);
		const all = await api<{ count: number | string }[]>('GET', '/items/tickets?aggregate[count]=*', { token });
		expect(Number(all.body.data?.[0]?.count)).toBe(readable);
		const perCustomer = await api<{ customer: number; count: { id: number | string } }[]>(
			'GET',
			'/items/tickets?aggregate[count]=id&groupBy[]=customer',
			{ token },
		);
		expect(perCustomer.body.data?.map((row) => row.customer)).not.toContain(world.customerB);
		const anonymous = await api('GET', '/items/tickets?aggregate[count]=*', { token: null });
		expect(anonymous.status).toBe(403);
	});
});
