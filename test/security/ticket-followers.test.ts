/**
 * "Their own tickets" (the `own` scope) are the tickets a contact follows in `ticket_followers`: as
 * requester or as participant. The edges: a change of requester or participants takes effect on the next
 * request, either way; a colleague's ticket stays out; a participant of another customer's ticket sees
 * that ticket and nothing else of that customer; and the table itself can be neither read, probed nor
 * written by a contact, which would tell who follows what or make someone else's ticket their own.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { api, createRow } from '../support/directus-under-test.ts';
import { expectReadRefused } from '../support/expect-read-refused.ts';
import { expectRefused } from '../support/expect-refused.ts';
import { createPortalContact, type PortalContact, tokenOf, uniqueName } from '../support/portal-users.ts';
import { visibleTicketNames } from '../support/visible-tickets.ts';
import { graphql } from './attack-world.ts';

let me: PortalContact;
let colleague: PortalContact;
let token: string;
let other: number;
const tickets: Record<'requested' | 'taking part' | 'colleague' | 'other customer', number> = {
	'requested': 0,
	'taking part': 0,
	'colleague': 0,
	'other customer': 0,
};

const visible = () => visibleTicketNames(tickets, token);

beforeAll(async () => {
	const customer = (await createRow('customers', { name: uniqueName('Followers Ltd') })).id;
	other = (await createRow('customers', { name: uniqueName('Followers other Ltd') })).id;
	me = await createPortalContact(customer, 'Basic');
	colleague = await createPortalContact(customer, 'Basic');
	token = await tokenOf(me);
	tickets.requested = (await createRow('tickets', { customer, contact: me.id, subject: uniqueName('Mine') })).id;
	tickets['taking part'] = (
		await createRow('tickets', {
			customer,
			contact: colleague.id,
			subject: uniqueName('Taking part'),
			participants: [{ contact: me.id, kind: 'cc' }],
		})
	).id;
	tickets.colleague = (
		await createRow('tickets', { customer, contact: colleague.id, subject: uniqueName('Colleague') })
	).id;
	tickets['other customer'] = (
		await createRow('tickets', {
			customer: other,
			subject: uniqueName('Other'),
			participants: [{ contact: me.id, kind: 'approver' }],
		})
	).id;
});

describe('Their own tickets', () => {
	test('Are the tickets they request or take part in, and no colleague’s', async () => {
		expect(await visible()).toEqual(['other customer', 'requested', 'taking part']);
		// Taking part in another customer's ticket shows that ticket, not that customer.
		expect((await api('GET', `/items/customers/${other}`, { token })).status).toBe(403);
	});

	test('Follow a change of requester or participants on the very next request', async () => {
		const participants = await api<{ id: number }[]>(
			'GET',
			`/items/ticket_participants?filter[ticket][_eq]=${tickets['taking part']}&fields=id`,
		);
		expect(
			(await api('DELETE', '/items/ticket_participants', { body: participants.body.data?.map(({ id }) => id) })).status,
		).toBe(204);
		expect(
			(await api('PATCH', `/items/tickets/${tickets.requested}`, { body: { contact: colleague.id } })).status,
		).toBe(200);
		expect(
			(
				await api('PATCH', `/items/tickets/${tickets.colleague}`, {
					body: { participants: { create: [{ contact: me.id, kind: 'contact' }], update: [], delete: [] } },
				})
			).status,
		).toBe(200);
		expect(await visible()).toEqual(['colleague', 'other customer']);
		expect((await api('PATCH', `/items/tickets/${tickets.requested}`, { body: { contact: me.id } })).status).toBe(200);
		expect(await visible()).toEqual(['colleague', 'other customer', 'requested']);
	});

	test('The followers can be neither read nor probed: who follows what stays with staff', async () => {
		const ticket = tickets.requested;
		// Asked for as a field, Directus leaves out what the contact may not read: the answer holds no follower.
		for (const path of [
			`/items/tickets/${ticket}?fields=followers`,
			`/items/tickets/${ticket}?fields=followers.contact`,
			`/items/tickets/${ticket}?fields=*,followers.*`,
		]) {
			const response = await api('GET', path, { token });
			expect([200, 400, 403], path).toContain(response.status);
			expect(JSON.stringify(response.body), path).not.toMatch(/followers/);
		}
		// Filtered, sorted, grouped or counted by, it is refused: an answer would tell who follows what.
		for (const path of [
			'/items/ticket_followers',
			`/items/ticket_followers?filter[ticket][_eq]=${ticket}`,
			'/items/ticket_followers?aggregate[count]=*',
			`/items/tickets?fields=id&filter[followers][contact][_eq]=${colleague.id}`,
			`/items/tickets?fields=id&filter[followers][_some][contact][_eq]=${colleague.id}`,
			`/items/tickets?fields=id&filter[followers][_none][contact][_eq]=${colleague.id}`,
			'/items/tickets?fields=id&sort=followers.contact',
		]) {
			await expectReadRefused(path, token);
		}
		// Directus cannot count or group by a one-to-many relation for anyone (an admin gets a server error): the
		// contact must still get a refusal, not that error.
		for (const path of [
			'/items/tickets?aggregate[count]=followers',
			'/items/tickets?aggregate[countDistinct]=id&groupBy[]=followers',
		]) {
			expectRefused(await api('GET', path, { token }), `GET ${path}`, { statuses: [400, 403] });
		}
		// A deep filter on a relation not asked for changes nothing: the same tickets as without it.
		const plain = await api('GET', '/items/tickets?fields=id&sort=id', { token });
		const deep = await api(
			'GET',
			`/items/tickets?fields=id&sort=id&deep[followers][_filter][contact][_eq]=${colleague.id}`,
			{ token },
		);
		expect([200, 400, 403]).toContain(deep.status);
		if (deep.status === 200) expect(deep.body).toEqual(plain.body);
		const readable = await api<Record<string, unknown>>('GET', `/items/tickets/${ticket}?fields=*`, { token });
		expect(readable.status).toBe(200);
		expect(readable.body.data).not.toHaveProperty('followers');
		const viaGraphql = await graphql(
			'/graphql',
			`{ tickets(filter: { id: { _eq: ${ticket} } }) { id followers { contact { id } } } }`,
			token,
		);
		expect(JSON.stringify(viaGraphql.body)).not.toContain(`"contact":{"id":`);
		expect(viaGraphql.body.errors?.length ?? 0).toBeGreaterThan(0);
	});

	test('The followers cannot be written: no one else’s ticket becomes their own', async () => {
		const target = tickets['taking part'];
		for (const [method, path, body] of [
			['POST', '/items/ticket_followers', { ticket: target, contact: me.id }],
			['PATCH', `/items/tickets/${target}`, { followers: [{ contact: me.id }] }],
			[
				'PATCH',
				`/items/tickets/${tickets.requested}`,
				{ followers: { create: [{ ticket: target, contact: me.id }], update: [], delete: [] } },
			],
		] as const) {
			expectRefused(await api(method, path, { token, body }), `${method} ${path}`, { statuses: [400, 403] });
		}
		expect(await visible()).toEqual(['colleague', 'other customer', 'requested']);
	});
});

describe('Adding colleagues to a ticket (`tickets.cc`)', () => {
	let manager: PortalContact;
	let managerToken: string;
	let ticket: number;
	let stranger: number;
	const participantsOf = async (id: number) =>
		(
			(await api<{ contact: number }[]>('GET', `/items/ticket_participants?filter[ticket][_eq]=${id}&fields=contact`))
				.body.data ?? []
		).map((row) => row.contact);

	beforeAll(async () => {
		const customer = (await createRow('customers', { name: uniqueName('Copies Ltd') })).id;
		manager = await createPortalContact(customer, 'Manager');
		managerToken = await tokenOf(manager);
		ticket = (await createRow('tickets', { customer, contact: manager.id, subject: uniqueName('Printer') })).id;
		stranger = (
			await createRow('contacts', {
				customer: other,
				first_name: 'Stan',
				last_name: 'Stranger',
				email: `stan.${Date.now()}@stranger.example.com`,
			})
		).id;
	});

	test('A Manager adds a colleague, who follows the ticket from the next request; once, and not its requester', async () => {
		const colleagueOfManager = await createPortalContact(manager.customer, 'Basic');
		const colleagueToken = await tokenOf(colleagueOfManager);
		expect((await api('GET', `/items/tickets/${ticket}`, { token: colleagueToken })).status).toBe(403);
		const added = await api('POST', '/items/ticket_participants', {
			token: managerToken,
			body: { ticket, contact: colleagueOfManager.id },
		});
		expect(added.status).toBe(200);
		expect((await api('GET', `/items/tickets/${ticket}`, { token: colleagueToken })).status).toBe(200);
		for (const contact of [colleagueOfManager.id, manager.id])
			expectRefused(
				await api('POST', '/items/ticket_participants', { token: managerToken, body: { ticket, contact } }),
				`adding ${contact} again`,
				{ statuses: [400], code: 'INVALID_PAYLOAD' },
			);
		expect(await participantsOf(ticket)).toEqual([colleagueOfManager.id]);
	});

	test('Over GraphQL, and over REST with a reference written as an object of its key, as over REST with keys: a colleague yes; no stranger, no hidden ticket, no change on the way', async () => {
		const hidden = (await createRow('tickets', { customer: other, subject: uniqueName('Not theirs either') })).id;
		const [viaGraphql, viaObject] = [
			await createPortalContact(manager.customer, 'Basic'),
			await createPortalContact(manager.customer, 'Basic'),
		];
		const add = (data: string) =>
			graphql('/graphql', `mutation { create_ticket_participants_item(data: ${data}) { id } }`, managerToken);
		const subjectBefore = (await api<{ subject: string }>('GET', `/items/tickets/${ticket}?fields=subject`)).body.data;
		for (const [what, data] of [
			['another customer’s contact', `{ ticket: ${ticket}, contact: ${stranger} }`],
			['a ticket they cannot see', `{ ticket: ${hidden}, contact: ${viaGraphql.id} }`],
		] as const) {
			const refused = await add(data);
			expect(refused.body.errors?.length ?? 0, what).toBeGreaterThan(0);
		}
		for (const [what, body, statuses] of [
			['another customer’s contact', { ticket: { id: ticket }, contact: { id: stranger } }, [400]],
			['a ticket they cannot see', { ticket: { id: hidden }, contact: { id: viaObject.id } }, [403]],
			[
				'the ticket changed on the way',
				{ ticket: { id: ticket, subject: 'Taken over' }, contact: viaObject.id },
				[400],
			],
		] as const)
			expectRefused(await api('POST', '/items/ticket_participants', { token: managerToken, body }), what, {
				statuses,
			});
		expect(await participantsOf(hidden)).toEqual([]);
		expect((await api('GET', `/items/tickets/${ticket}?fields=subject`)).body.data).toEqual(subjectBefore);

		const added = await add(`{ ticket: ${ticket}, contact: ${viaGraphql.id} }`);
		expect(added.body.errors).toBeUndefined();
		expect((await add(`{ ticket: ${ticket}, contact: ${viaGraphql.id} }`)).body.errors?.length ?? 0).toBeGreaterThan(0);
		const addedByObject = await api('POST', '/items/ticket_participants', {
			token: managerToken,
			body: { ticket: { id: ticket }, contact: { id: viaObject.id } },
		});
		expect(addedByObject.status).toBe(200);
		expect(await participantsOf(ticket)).toEqual(expect.arrayContaining([viaGraphql.id, viaObject.id]));
	});

	test('No one of another customer, no ticket they cannot see, no kind of their choosing, no new person, no removing', async () => {
		const hidden = (await createRow('tickets', { customer: other, subject: uniqueName('Not theirs') })).id;
		const colleagueOfManager = await createPortalContact(manager.customer, 'Basic');
		const before = [await participantsOf(ticket), await participantsOf(hidden)];
		for (const [what, body, statuses] of [
			['another customer’s contact', { ticket, contact: stranger }, [400]],
			['a ticket they cannot see', { ticket: hidden, contact: colleagueOfManager.id }, [403]],
			['a kind of their choosing', { ticket, contact: colleagueOfManager.id, kind: 'approver' }, [403]],
			['a person made on the way', { ticket, contact: { first_name: 'New', customer: other } }, [400]],
			['no ticket', { contact: colleagueOfManager.id }, [400]],
		] as const)
			expectRefused(await api('POST', '/items/ticket_participants', { token: managerToken, body }), what, {
				statuses,
			});
		const viaGraphql = await graphql(
			'/graphql',
			`mutation { create_ticket_participants_item(data: { ticket: { id: "${ticket}" }, contact: { id: "${stranger}" } }) { id } }`,
			managerToken,
		);
		expect(JSON.stringify(viaGraphql.body)).toContain('errors');
		const rows = await api<{ id: number }[]>(
			'GET',
			`/items/ticket_participants?filter[ticket][_eq]=${ticket}&fields=id`,
		);
		expectRefused(
			await api('DELETE', `/items/ticket_participants/${rows.body.data?.[0]?.id}`, { token: managerToken }),
			'removing a participant',
		);
		expect([await participantsOf(ticket), await participantsOf(hidden)]).toEqual(before);
	});

	test('A group without the capability adds no one', async () => {
		const own = (await createRow('tickets', { customer: me.customer, contact: me.id, subject: uniqueName('Own') })).id;
		expect((await api('GET', `/items/tickets/${own}`, { token })).status).toBe(200);
		expectRefused(
			await api('POST', '/items/ticket_participants', { token, body: { ticket: own, contact: colleague.id } }),
			'a Basic contact adding a colleague',
			{ statuses: [400, 403] },
		);
	});
});
