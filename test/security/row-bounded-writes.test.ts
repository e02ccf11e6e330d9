/**
 * Writes checked by row, not by level: what a contact may change they may also see (a Manager's "tickets
 * they follow" reaches tickets of other customers: as a cc participant, or after moving to another
 * customer), a quote's decision fields come only with the decision, and a device stands only at a location
 * of its own customer. Each attempted as an outsider would, over REST and GraphQL.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { api, createRow } from '../support/directus-under-test.ts';
import { eventually } from '../support/eventually.ts';
import { createPortalContact, type PortalContact, tokenOf, uniqueName } from '../support/portal-users.ts';
import { adminRead, codeOf, graphql } from './attack-world.ts';

let customerA: number;
let customerB: number;
let customerC: number;
let manager: PortalContact;
let managerToken: string;

beforeAll(async () => {
	customerA = (await createRow('customers', { name: uniqueName('Bounded A') })).id;
	customerB = (await createRow('customers', { name: uniqueName('Bounded B') })).id;
	customerC = (await createRow('customers', { name: uniqueName('Bounded C') })).id;
	manager = await createPortalContact(customerA, 'Manager');
	managerToken = await tokenOf(manager);
});

const subjectOf = async (ticket: number) =>
	(await adminRead<{ subject: string }>(`/items/tickets/${ticket}?fields=subject`))?.subject;

/** Every way a contact might change a ticket's subject: REST one, REST batch, GraphQL. */
async function tryToRename(ticket: number, token: string) {
	const subject = uniqueName('Renamed');
	const one = await api('PATCH', `/items/tickets/${ticket}`, { token, body: { subject } });
	const batch = await api('PATCH', '/items/tickets', { token, body: { keys: [ticket], data: { subject } } });
	const viaGraphql = await graphql(
		'/graphql',
		`mutation { update_tickets_item(id: ${ticket}, data: { subject: "${subject}" }) { id } }`,
		token,
	);
	return { one: one.status, batch: batch.status, graphql: viaGraphql.body.errors?.[0]?.extensions?.code ?? 'accepted' };
}

const refusedEverywhere = { one: 403, batch: 403, graphql: 'FORBIDDEN' };

describe('tickets.edit = own never reaches a ticket the contact cannot read', () => {
	test('A Manager cc\u2019d on another customer\u2019s ticket can neither read nor change it', async () => {
		const ticket = (await createRow('tickets', { customer: customerB, subject: uniqueName('B ticket') })).id;
		await createRow('ticket_participants', { ticket, contact: manager.id, kind: 'cc' });
		const before = await subjectOf(ticket);
		expect((await api('GET', `/items/tickets/${ticket}`, { token: managerToken })).status).toBe(403);
		expect(await tryToRename(ticket, managerToken)).toEqual(refusedEverywhere);
		expect(await subjectOf(ticket)).toBe(before);
	});

	test('A Manager moved to another customer keeps following the old tickets, and can no longer change them', async () => {
		const mover = await createPortalContact(customerA, 'Manager');
		const moverToken = await tokenOf(mover);
		const ticket = (
			await createRow('tickets', { customer: customerA, contact: mover.id, subject: uniqueName('Old ticket') })
		).id;
		// While it is theirs, they may: the rule bounds, it does not forbid.
		expect(
			(await api('PATCH', `/items/tickets/${ticket}`, { token: moverToken, body: { status: 'resolved' } })).status,
		).toBe(200);
		expect((await api('PATCH', `/items/contacts/${mover.id}`, { body: { customer: customerC } })).status).toBe(200);
		await eventually(async () =>
			expect((await api('GET', `/items/tickets/${ticket}`, { token: moverToken })).status).toBe(403),
		);
		const before = await subjectOf(ticket);
		expect(await tryToRename(ticket, moverToken)).toEqual(refusedEverywhere);
		expect(await subjectOf(ticket)).toBe(before);
	});
});

describe('A contact reopens, resolves or closes their ticket; the service desk\u2019s states are not theirs to set', () => {
	test('"Waiting on customer" and "New" are refused over REST one, REST batch and GraphQL; the ticket keeps its state', async () => {
		const ticket = (
			await createRow('tickets', { customer: customerA, contact: manager.id, subject: uniqueName('States') })
		).id;
		const statusOf = async () =>
			(await adminRead<{ status: string }>(`/items/tickets/${ticket}?fields=status`))?.status;
		for (const status of ['resolved', 'closed', 'open']) {
			const answer = await api('PATCH', `/items/tickets/${ticket}`, { token: managerToken, body: { status } });
			expect(answer.status, status).toBe(200);
			expect(await statusOf()).toBe(status);
		}
		for (const status of ['pending', 'new']) {
			const one = await api('PATCH', `/items/tickets/${ticket}`, { token: managerToken, body: { status } });
			const batch = await api('PATCH', '/items/tickets', {
				token: managerToken,
				body: { keys: [ticket], data: { status } },
			});
			const viaGraphql = await graphql(
				'/graphql',
				`mutation { update_tickets_item(id: ${ticket}, data: { status: "${status}" }) { id } }`,
				managerToken,
			);
			expect({ one: one.status, batch: batch.status, graphql: codeOf(viaGraphql) }, status).toEqual({
				one: 400,
				batch: 400,
				graphql: 'FAILED_VALIDATION',
			});
			expect(await statusOf()).toBe('open');
		}
	});
});

describe('A quote\u2019s decision fields come only with the decision', () => {
	interface Quote {
		status: string;
		decided_by: number | null;
		decided_at: string | null;
	}
	const quoteOf = async (id: number) => adminRead<Quote>(`/items/quotes/${id}?fields=status,decided_by,decided_at`);

	test('decided_by or decided_at alone is refused, over REST and GraphQL, and the quote stays pending', async () => {
		const quote = (
			await createRow('quotes', { customer: customerA, title: uniqueName('Quote'), total: 100, status: 'pending' })
		).id;
		const attempts = [
			await api('PATCH', `/items/quotes/${quote}`, { token: managerToken, body: { decided_by: manager.id } }),
			await api('PATCH', `/items/quotes/${quote}`, {
				token: managerToken,
				body: { decided_at: '2020-01-01T00:00:00Z' },
			}),
			await api('PATCH', `/items/quotes/${quote}`, {
				token: managerToken,
				body: { decided_by: manager.id, decided_at: '2020-01-01T00:00:00Z' },
			}),
		];
		expect(attempts.map((response) => [response.status, codeOf(response)])).toEqual(
			Array(3).fill([400, 'FAILED_VALIDATION']),
		);
		const viaGraphql = await graphql(
			'/graphql',
			`mutation { update_quotes_item(id: ${quote}, data: { decided_at: "2020-01-01T00:00:00" }) { id } }`,
			managerToken,
		);
		expect(viaGraphql.body.errors?.[0]?.extensions?.code).toBe('FAILED_VALIDATION');
		expect(await quoteOf(quote)).toEqual({ status: 'pending', decided_by: null, decided_at: null });

		// The decision itself records who and when, whatever the request says about them.
		const decided = await api('PATCH', `/items/quotes/${quote}`, {
			token: managerToken,
			body: { status: 'approved', decided_at: '2020-01-01T00:00:00Z' },
		});
		expect(decided.status).toBe(200);
		const stored = await quoteOf(quote);
		expect(stored).toMatchObject({ status: 'approved', decided_by: manager.id });
		expect(Date.now() - new Date(stored?.decided_at ?? 0).getTime()).toBeLessThan(10 * 60_000);
	});
});

describe('A device stands only at a location of its own customer', () => {
	let administrator: PortalContact;
	let token: string;
	let own: number;
	let below: number;
	let foreign: number;
	let device: number;

	beforeAll(async () => {
		const child = (await createRow('customers', { name: uniqueName('Bounded A child'), parent: customerA })).id;
		own = (await createRow('locations', { customer: customerA, name: uniqueName('A site') })).id;
		below = (await createRow('locations', { customer: child, name: uniqueName('A child site') })).id;
		foreign = (await createRow('locations', { customer: customerB, name: uniqueName('B site') })).id;
		administrator = await createPortalContact(customerA, 'Administrator');
		token = await tokenOf(administrator);
		device = (
			await createRow('devices', { customer: customerA, name: uniqueName('A device'), type: 'other', location: own })
		).id;
	});

	const devicesNamed = async (name: string) =>
		(await api<unknown[]>('GET', `/items/devices?filter[name][_eq]=${encodeURIComponent(name)}&fields=id`)).body.data ??
		[];
	const locationOf = async () =>
		(await adminRead<{ location: number | null }>(`/items/devices/${device}?fields=location`))?.location;

	test('Registering a device at another customer\u2019s location, or at one of a customer below, is refused and creates nothing', async () => {
		// The location below is readable to this Administrator (customer_tree), and still not the device's customer's.
		expect((await api('GET', `/items/locations/${below}`, { token })).status).toBe(200);
		for (const location of [foreign, below, 999_999_999]) {
			const name = uniqueName('Misplaced');
			const response = await api('POST', '/items/devices', {
				token,
				body: { name, type: 'other', customer: customerA, created_by_contact: administrator.id, location },
			});
			expect({ location, status: response.status, code: codeOf(response) }).toEqual({
				location,
				status: 400,
				code: 'REFERENCE_OUTSIDE_CUSTOMER',
			});
			expect(await devicesNamed(name)).toEqual([]);
		}
		const name = uniqueName('Placed');
		expect(
			(
				await api('POST', '/items/devices', {
					token,
					body: { name, type: 'other', customer: customerA, created_by_contact: administrator.id, location: own },
				})
			).status,
		).toBe(200);
		expect(await devicesNamed(name)).toHaveLength(1);
	});

	test('Moving a device to another customer\u2019s location is refused over REST and GraphQL; its own customer\u2019s is fine', async () => {
		for (const location of [foreign, below]) {
			const one = await api('PATCH', `/items/devices/${device}`, { token, body: { location } });
			const batch = await api('PATCH', '/items/devices', { token, body: { keys: [device], data: { location } } });
			const viaGraphql = await graphql(
				'/graphql',
				`mutation { update_devices_item(id: ${device}, data: { location: ${location} }) { id } }`,
				token,
			);
			expect({
				location,
				one: codeOf(one),
				batch: codeOf(batch),
				graphql: viaGraphql.body.errors?.[0]?.extensions?.code,
			}).toEqual({
				location,
				one: 'REFERENCE_OUTSIDE_CUSTOMER',
				batch: 'REFERENCE_OUTSIDE_CUSTOMER',
				graphql: 'REFERENCE_OUTSIDE_CUSTOMER',
			});
			expect(await locationOf()).toBe(own);
		}
		// A nested object instead of a key: refused outright, whatever it names.
		expect(codeOf(await api('PATCH', `/items/devices/${device}`, { token, body: { location: { id: foreign } } }))).toBe(
			'REFERENCE_OUTSIDE_CUSTOMER',
		);
		expect(await locationOf()).toBe(own);
		const elsewhere = (await createRow('locations', { customer: customerA, name: uniqueName('A second site') })).id;
		const moved = await graphql(
			'/graphql',
			`mutation { update_devices_item(id: ${device}, data: { location: ${elsewhere} }) { id } }`,
			token,
		);
		expect(moved.body.errors).toBeUndefined();
		expect(await locationOf()).toBe(elsewhere);
		expect((await api('PATCH', `/items/devices/${device}`, { token, body: { location: null } })).status).toBe(200);
		expect(await locationOf()).toBeNull();
	});
});
