/**
 * View as: staff read the portal as a contact through their own session and a ticket, exactly as the
 * contact would, and can change nothing; nobody else can use a ticket, and every ticket is audited.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { api, createRow, directDatabase } from '../support/directus-under-test.ts';
import { createPortalContact, type PortalContact, signIn, tokenOf, uniqueName } from '../support/portal-users.ts';
import { createStudioUser } from '../support/studio.ts';

const header = 'X-Portal-View-As';
let customer: number;
let otherCustomer: number;
let contact: PortalContact;
let contactToken: string;
let ownTicket: number;
let othersTicket: number;
let staffToken: string;
let staffUser: string;

async function startViewAs(contactId: number, token = staffToken) {
	return api<{ ticket: string; expires_at: string; contact: { id: number; email: string }; portal_url: string }>(
		'POST',
		'/portal/api/studio/view-as',
		{ token, body: { contact: contactId } },
	);
}

async function ticketFor(contactId: number): Promise<string> {
	const response = await startViewAs(contactId);
	if (response.status !== 201 || !response.body.data)
		throw new Error(`No View as ticket: ${JSON.stringify(response.body)}`);
	return response.body.data.ticket;
}

const asContact = (ticket: string, token = staffToken) => ({ token, headers: { [header]: ticket } });

beforeAll(async () => {
	customer = (await createRow('customers', { name: uniqueName('View as') })).id;
	otherCustomer = (await createRow('customers', { name: uniqueName('View as elsewhere') })).id;
	contact = await createPortalContact(customer, 'Basic');
	contactToken = await tokenOf(contact);
	ownTicket = (await createRow('tickets', { customer, subject: uniqueName('Seen'), contact: contact.id })).id;
	othersTicket = (await createRow('tickets', { customer: otherCustomer, subject: uniqueName('Not seen') })).id;
	// A non-admin staff member: the Portal staff policy through a role.
	const settings = await api<{ staff_policy: string }>('GET', '/items/portal_settings?fields=staff_policy');
	const role = await api<{ id: string }>('POST', '/roles', { body: { name: uniqueName('Help desk') } });
	await api('POST', '/access', { body: { role: role.body.data?.id, policy: settings.body.data?.staff_policy } });
	const staff = await createStudioUser(role.body.data?.id);
	staffUser = staff.id;
	staffToken = (await signIn(staff)).token as string;
});

describe('View as', () => {
	test('Staff read exactly what the contact reads: items, the portal’s own routes and GraphQL', async () => {
		const ticket = await ticketFor(contact.id);
		const mine = await api<{ id: number }[]>('GET', '/items/tickets?fields=id&sort=id', { token: contactToken });
		const viewed = await api<{ id: number }[]>('GET', '/items/tickets?fields=id&sort=id', asContact(ticket));
		expect(viewed.status).toBe(200);
		expect(viewed.body.data).toEqual(mine.body.data);
		expect(viewed.body.data?.map((row) => row.id)).toContain(ownTicket);
		expect(viewed.body.data?.map((row) => row.id)).not.toContain(othersTicket);
		// Without the header the same staff member reads as themselves.
		expect((await api('GET', `/items/tickets/${othersTicket}`, { token: staffToken })).status).not.toBe(200);

		expect((await api('GET', `/items/tickets/${othersTicket}?fields=id`, asContact(ticket))).status).toBe(403);
		expect((await api('GET', '/items/invoices?fields=id', asContact(ticket))).status).toBe(403);

		const me = await api<{ contact: { id: number } }>('GET', '/portal/api/me', asContact(ticket));
		expect(me.status).toBe(200);
		expect(me.body.data?.contact.id).toBe(contact.id);

		const query = encodeURIComponent('{ tickets(sort: ["id"]) { id } }');
		const graphql = (await api<{ tickets: { id: string }[] }>(
			'GET',
			`/graphql?query=${query}`,
			asContact(ticket),
		)) as unknown as { status: number; body: { data?: { tickets: { id: string }[] } } };
		expect(graphql.status).toBe(200);
		expect(graphql.body.data?.tickets.map((row) => Number(row.id))).toEqual(mine.body.data?.map((row) => row.id));
	});

	test('Every write is refused as read-only and changes nothing', async () => {
		const ticket = await ticketFor(contact.id);
		const before = await directDatabase()('tickets').count({ n: '*' }).first();
		const subject = (await directDatabase()('tickets').select('subject').where('id', ownTicket).first()) as {
			subject: string;
		};
		const writes: [string, string, unknown?][] = [
			['POST', '/items/tickets', { customer, subject: 'Written while viewing as' }],
			['PATCH', `/items/tickets/${ownTicket}`, { subject: 'Changed while viewing as' }],
			['DELETE', `/items/tickets/${ownTicket}`],
			[
				'POST',
				'/graphql',
				{ query: `mutation { update_tickets_item(id: ${ownTicket}, data: { subject: "x" }) { id } }` },
			],
			['PATCH', '/users/me', { first_name: 'Changed' }],
			['POST', '/portal/api/me/password', { current_password: contact.password, new_password: 'a-new-password-1234' }],
			['POST', '/auth/logout', {}],
			['SEARCH', '/items/tickets', { query: { fields: ['id'] } }],
		];
		for (const [method, path, body] of writes) {
			const response = await api<unknown>(method, path, { ...asContact(ticket), body });
			expect(response.status, `${method} ${path}`).toBe(403);
			expect(JSON.stringify(response.body), `${method} ${path}`).toContain('VIEW_AS_READ_ONLY');
		}
		expect(await directDatabase()('tickets').count({ n: '*' }).first()).toEqual(before);
		expect(await directDatabase()('tickets').select('subject').where('id', ownTicket).first()).toEqual(subject);
		// The contact's own password still works; the staff member is still signed in.
		expect((await signIn(contact)).status).toBe(200);
		expect((await api('GET', '/users/me', { token: staffToken })).status).toBe(200);
	});

	test('A ticket works only with the session of the staff member who asked for it', async () => {
		const ticket = await ticketFor(contact.id);
		const otherStaff = await createStudioUser();
		const otherStaffToken = (await signIn(otherStaff)).token as string;
		const stranger = await createPortalContact(otherCustomer, 'Administrator');
		for (const token of [null, otherStaffToken, contactToken, await tokenOf(stranger)]) {
			const response = await api('GET', '/items/tickets?fields=id', asContact(ticket, token as string));
			expect(response.status).toBe(403);
			expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'VIEW_AS_REFUSED', why: 'other_staff' });
		}
	});

	test('A forged, altered or garbage ticket is refused', async () => {
		const ticket = await ticketFor(contact.id);
		const [payload, signature] = ticket.split('.') as [string, string];
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
		const stranger = await createPortalContact(otherCustomer, 'Administrator');
		const altered = `${Buffer.from(JSON.stringify({ ...claims, c: stranger.id })).toString('base64url')}.${signature}`;
		const prolonged = `${Buffer.from(JSON.stringify({ ...claims, e: Number(claims['e']) + 86_400 })).toString('base64url')}.${signature}`;
		for (const bad of [altered, prolonged, `${payload}.`, 'x', '', `${payload}.${signature}.x`, 'a'.repeat(5000)]) {
			const response = await api('GET', '/items/tickets?fields=id', asContact(bad));
			expect(response.status, bad.slice(0, 40)).toBe(403);
		}
	});

	test('Only portal staff may start View as, and only for a contact who can sign in', async () => {
		const agentPolicy = await api<{ id: string }>('POST', '/policies', {
			body: { name: uniqueName('Agents'), app_access: true, admin_access: false },
		});
		await api('POST', '/permissions', {
			body: { policy: agentPolicy.body.data?.id, collection: 'contacts', action: 'read', fields: ['*'] },
		});
		const agentRole = await api<{ id: string }>('POST', '/roles', { body: { name: uniqueName('Agent') } });
		await api('POST', '/access', { body: { role: agentRole.body.data?.id, policy: agentPolicy.body.data?.id } });
		const agentToken = (await signIn(await createStudioUser(agentRole.body.data?.id))).token as string;
		for (const token of [agentToken, contactToken, null])
			expect((await startViewAs(contact.id, token as string)).status).toBe(403);

		const noLogin = (
			await createRow('contacts', {
				customer,
				last_name: 'Nologin',
				email: `${uniqueName('n').replace(' ', '-')}@client.example.com`,
			})
		).id;
		const suspended = await createPortalContact(customer, 'Basic', { login_suspended: true });
		for (const [id, why] of [
			[noLogin, 'no_login'],
			[suspended.id, 'login_off'],
			[99_999_999, 'no_contact'],
		] as const) {
			const response = await startViewAs(id);
			expect(response.status).toBe(403);
			// Why, so the studio can say it in the staff member's language.
			expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'VIEW_AS_REFUSED', why });
		}
		expect(
			(await api('POST', '/portal/api/studio/view-as', { token: staffToken, body: { contact: 'one' } })).status,
		).toBe(403);
	});

	test('A ticket stops working when the contact is suspended after it was issued', async () => {
		const viewed = await createPortalContact(customer, 'Basic');
		const ticket = await ticketFor(viewed.id);
		expect((await api('GET', '/items/tickets?fields=id', asContact(ticket))).status).toBe(200);
		await api('PATCH', `/items/contacts/${viewed.id}`, { body: { login_suspended: true } });
		expect((await api('GET', '/items/tickets?fields=id', asContact(ticket))).status).toBe(403);
	});

	test('Every start is written to the audit log, without the ticket', async () => {
		const response = await startViewAs(contact.id);
		const ticket = response.body.data?.ticket as string;
		expect(response.body.data?.contact).toMatchObject({ id: contact.id, email: contact.email });
		expect(response.body.data?.portal_url).toMatch(/\/portal\/$/);
		const entries = (await directDatabase()('portal_audit')
			.where({ action: 'view_as.started', actor_user: staffUser, target_id: String(contact.id) })
			.orderBy('id', 'desc')) as { customer: number; details: string; target_collection: string }[];
		expect(entries.length).toBeGreaterThan(0);
		expect(entries[0]).toMatchObject({ customer, target_collection: 'contacts' });
		for (const entry of entries) expect(String(entry.details)).not.toContain(ticket.split('.')[1]);
	});
});
