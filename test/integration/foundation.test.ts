import { describe, expect, test } from 'vitest';
import { api, createRow, createRows, directusUnderTest, readRow } from '../support/directus-under-test.ts';

const unique = () => Math.random().toString(36).slice(2, 10);

describe('The bundle on a real Directus', () => {
	test('Answers its health route with both API entries loaded', async () => {
		const response = await api('GET', '/portal/api/health', { token: null });
		expect(response.status).toBe(200);
		expect(response.body).toEqual({
			status: 'ok',
			product: 'customer-portal',
			version: expect.stringMatching(/^\d+\.\d+\.\d+/),
			entries: ['portal', 'portal-hooks'],
		});
	});

	test('Runs on the Directus 11 it is built for', async () => {
		const info = await api<{ version: string }>('GET', '/server/info');
		expect(info.body.data?.version).toMatch(/^11\./);
	});
});

describe('The help-desk schema applied with schema apply', () => {
	test('Creates every collection with its fields', async () => {
		const collections = await api<{ collection: string }[]>('GET', '/collections');
		const names = collections.body.data?.map((row) => row.collection);
		for (const name of [
			'customers',
			'contacts',
			'tickets',
			'ticket_participants',
			'ticket_attachments',
			'projects',
			'devices',
			'kb_articles',
			'documents',
			'invoices',
			'quotes',
		]) {
			expect(names).toContain(name);
		}
		const fields = await api<{ field: string }[]>('GET', '/fields/tickets');
		expect(fields.body.data?.map((row) => row.field)).toEqual(
			expect.arrayContaining([
				'customer',
				'contact',
				'assignee',
				'subject',
				'description',
				'status',
				'priority',
				'participants',
				'comments',
				'attachments',
			]),
		);
	});

	test('Creates the indexes on this database, not only in the snapshot', async () => {
		const snapshot = await api<{
			fields: { collection: string; field: string; schema: { is_indexed: boolean } | null }[];
		}>('GET', '/schema/snapshot');
		const indexed = (collection: string, field: string) =>
			snapshot.body.data?.fields.find((row) => row.collection === collection && row.field === field)?.schema
				?.is_indexed;
		for (const [collection, field] of [
			['tickets', 'customer'],
			['tickets', 'contact'],
			['ticket_participants', 'contact'],
			['customers', 'parent'],
			['contacts', 'user'],
			['devices', 'location'],
		] as const) {
			expect({ collection, field, indexed: indexed(collection, field) }).toEqual({ collection, field, indexed: true });
		}
	});

	test('Relates customers, contacts, tickets and participants both ways', async () => {
		const parent = await createRow<{ id: number; name: string }>('customers', { name: `Parent ${unique()}` });
		const child = await createRow<{ id: number; name: string }>('customers', {
			name: `Child ${unique()}`,
			parent: parent.id,
		});
		const childId = child.id;
		const [requester, follower] = await createRows('contacts', [
			{ customer: childId, last_name: 'Requester', email: `req-${unique()}@example.com` },
			{ customer: childId, last_name: 'Follower', email: `fol-${unique()}@example.com` },
		]);
		const ticket = await createRow<{ id: number; status: string }>('tickets', {
			customer: childId,
			contact: requester?.id,
			subject: 'Relations work',
			participants: [{ contact: follower?.id, kind: 'cc' }],
			// A staff reply that does not say is internal: the public one says so.
			comments: [
				{ body: 'Public reply', is_internal: false },
				{ body: 'Staff only', is_internal: true },
			],
		});
		expect(ticket.status).toBe('new');

		const read = await readRow<Record<string, unknown>>('tickets', ticket.id, [
			'subject',
			'customer.parent.name',
			'participants.kind',
			'participants.contact.last_name',
			'comments.is_internal',
		]);
		expect(read).toMatchObject({
			subject: 'Relations work',
			customer: { parent: { name: parent.name } },
			participants: [{ kind: 'cc', contact: { last_name: 'Follower' } }],
		});
		expect((read['comments'] as { is_internal: boolean }[]).map((comment) => comment.is_internal).sort()).toEqual([
			false,
			true,
		]);

		const byParent = await api<{ id: number }[]>(
			'GET',
			`/items/tickets?filter[customer][parent][_eq]=${parent.id}&fields=id`,
		);
		expect(byParent.body.data).toEqual([{ id: ticket.id }]);
	});
});

describe('What the schema refuses', () => {
	test('Refuses a second contact with the same e-mail', async () => {
		const customer = await createRow<{ id: number }>('customers', { name: `Dup ${unique()}` });
		const email = `same-${unique()}@example.com`;
		const first = await api('POST', '/items/contacts', { body: { customer: customer.id, last_name: 'One', email } });
		expect(first.status).toBe(200);
		const second = await api('POST', '/items/contacts', { body: { customer: customer.id, last_name: 'Two', email } });
		expect(second.status).toBe(400);
		expect(second.body.errors?.[0]?.extensions?.code).toBe('RECORD_NOT_UNIQUE');
	});

	test('Refuses a contact without an e-mail or with a malformed one', async () => {
		const customer = await createRow<{ id: number }>('customers', { name: `Mail ${unique()}` });
		const missing = await api('POST', '/items/contacts', { body: { customer: customer.id, last_name: 'Nomail' } });
		expect(missing.status).toBe(400);
		const malformed = await api('POST', '/items/contacts', {
			body: { customer: customer.id, last_name: 'Bad', email: 'not-an-address' },
		});
		expect(malformed.status).toBe(400);
		expect(malformed.body.errors?.[0]?.extensions?.code).toBe('FAILED_VALIDATION');
	});

	test('Deletes a customer once nothing depends on it, together with its sub-customers', async () => {
		const parent = await createRow<{ id: number }>('customers', { name: `Gone ${unique()}` });
		const child = await createRow<{ id: number }>('customers', { name: `Gone child ${unique()}`, parent: parent.id });
		const response = await api('DELETE', '/items/customers', { body: [child.id, parent.id] });
		expect(response.status).toBe(204);
		expect((await api('GET', `/items/customers/${parent.id}`)).status).toBe(403);
	});

	test('Refuses a ticket without a customer', async () => {
		const response = await api('POST', '/items/tickets', { body: { subject: 'Orphan' } });
		expect(response.status).toBe(400);
	});

	test('Refuses to delete a customer that still has tickets, and keeps both', async () => {
		const customer = await createRow<{ id: number }>('customers', { name: `Keep ${unique()}` });
		const ticket = await createRow<{ id: number }>('tickets', { customer: customer.id, subject: 'Still here' });
		const child = await createRow<{ id: number }>('customers', { name: `Child ${unique()}`, parent: customer.id });
		const response = await api('DELETE', `/items/customers/${customer.id}`);
		expect(response.status).toBe(409);
		expect(response.body.errors?.[0]).toMatchObject({
			message:
				'This customer cannot be deleted while it still has 1 sub-customer and 1 ticket. Move or delete those first, or set the customer to inactive.',
			extensions: { code: 'CUSTOMER_IN_USE' },
		});
		expect((await api('GET', `/items/customers/${child.id}`)).status).toBe(200);
		expect((await api('GET', `/items/tickets/${ticket.id}`)).status).toBe(200);
		expect((await api('GET', `/items/customers/${customer.id}`)).status).toBe(200);
	});

	test('Shows nothing to an anonymous visitor', async () => {
		for (const collection of ['customers', 'contacts', 'tickets', 'devices', 'invoices']) {
			const response = await api('GET', `/items/${collection}`, { token: null });
			expect({ collection, status: response.status }).toEqual({ collection, status: 403 });
		}
	});
});

test('Boots on the database the run asked for', () => {
	expect(directusUnderTest().database).toBe(process.env['PORTAL_TEST_DB'] ?? 'sqlite');
});
