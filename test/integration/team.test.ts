/**
 * Delegated administration through /portal/api/team: what a client administrator may do for their own
 * customer's logins, and every way they might overreach.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { api, createRow, directusUnderTest } from '../support/directus-under-test.ts';
import { waitForMail } from '../../scripts/lib/mail-sink.ts';
import {
	createPortalContact,
	groupId,
	type PortalContact,
	signIn,
	tokenOf,
	uniqueName,
} from '../support/portal-users.ts';

interface Member {
	id: number;
	email: string;
	status: string;
	group: { id: number; name: string } | null;
	is_you: boolean;
}

let customer: number;
let otherCustomer: number;
let admin: PortalContact;
let adminToken: string;
let colleague: PortalContact;
let noLogin: number;
let noLoginEmail: string;
let stranger: PortalContact;

const uniqueEmail = (label: string) => `${label}-${uniqueName('t').split(' ')[1]}@team.example.com`;

beforeAll(async () => {
	// Colleagues are added at the customer's own e-mail domains only (see test/security/staff-decisions.test.ts).
	customer = (await createRow('customers', { name: uniqueName('Team'), email_domains: ['team.example.com'] })).id;
	otherCustomer = (await createRow('customers', { name: uniqueName('Elsewhere') })).id;
	admin = await createPortalContact(customer, 'Administrator');
	adminToken = await tokenOf(admin);
	colleague = await createPortalContact(customer, 'Basic');
	noLoginEmail = uniqueEmail('nologin');
	noLogin = (await createRow('contacts', { customer, first_name: 'Nola', last_name: 'Nologin', email: noLoginEmail }))
		.id;
	stranger = await createPortalContact(otherCustomer, 'Basic');
});

const team = async (token = adminToken) => api<Member[]>('GET', '/portal/api/team', { token });
const member = async (id: number) => (await team()).body.data?.find((row) => row.id === id);

describe('Who may use it', () => {
	test('Only portal users whose group has users.manage', async () => {
		expect((await team(await tokenOf(colleague))).status).toBe(403);
		expect((await api('GET', '/portal/api/team', { token: null })).status).toBe(403);
		expect((await api('GET', '/portal/api/team')).status).toBe(403);
		expect((await team()).status).toBe(200);
	});
});

describe('What a client administrator sees and does', () => {
	test('Lists only their own customer\u2019s contacts, with portal status and group, and the groups they may give', async () => {
		const response = await team();
		const rows = response.body.data ?? [];
		expect(rows.map((row) => row.id).sort()).toEqual([admin.id, colleague.id, noLogin].sort());
		expect(rows.find((row) => row.id === admin.id)).toMatchObject({
			status: 'active',
			is_you: true,
			group: { name: 'Administrator' },
		});
		expect(rows.find((row) => row.id === noLogin)).toMatchObject({ status: 'no_login', group: { name: 'Basic' } });
		const groups = (response.body['meta'] as { assignable_groups: { name: string }[] }).assignable_groups.map(
			(group) => group.name,
		);
		expect(groups).toEqual(expect.arrayContaining(['No Portal Access', 'Basic', 'Manager']));
		expect(groups).not.toContain('Administrator');
		// The domains a new colleague's address must be at, for the form to say so.
		expect((response.body['meta'] as { email_domains: string[] }).email_domains).toEqual(['team.example.com']);
	});

	test('Invites a colleague, then withdraws the invitation', async () => {
		const sent = await api<{ email_status: string }>('POST', `/portal/api/team/${noLogin}/invitation`, {
			token: adminToken,
		});
		expect(sent.status).toBe(201);
		expect(sent.body.data?.email_status).toBe('queued');
		await waitForMail(directusUnderTest().mailFolder, noLoginEmail);
		expect((await member(noLogin))?.status).toBe('invited');
		expect((await api('DELETE', `/portal/api/team/${noLogin}/invitation`, { token: adminToken })).status).toBe(204);
		expect((await member(noLogin))?.status).toBe('no_login');
	});

	test('Adds a colleague in a group they may give, and invites them', async () => {
		const email = uniqueEmail('new');
		const response = await api<{ id: number }>('POST', '/portal/api/team', {
			token: adminToken,
			body: { email, first_name: 'Neil', last_name: 'New', group: await groupId('Manager') },
		});
		expect(response.status).toBe(201);
		expect(await member(response.body.data?.id ?? 0)).toMatchObject({ status: 'invited', group: { name: 'Manager' } });
		expect((await waitForMail(directusUnderTest().mailFolder, email)).subject).toMatch(/^Your invitation/);
	});

	test('Changes a colleague\u2019s group to one they may give; the colleague sees the difference at once', async () => {
		const colleagueToken = await tokenOf(colleague);
		const theirs = (await createRow('tickets', { customer, subject: 'Company-wide' })).id;
		expect((await api('GET', `/items/tickets/${theirs}`, { token: colleagueToken })).status).toBe(403);
		const response = await api('PATCH', `/portal/api/team/${colleague.id}`, {
			token: adminToken,
			body: { group: await groupId('Manager') },
		});
		expect(response.status).toBe(200);
		expect((await api('GET', `/items/tickets/${theirs}`, { token: colleagueToken })).status).toBe(200);
		await api('PATCH', `/portal/api/team/${colleague.id}`, {
			token: adminToken,
			body: { group: await groupId('Basic') },
		});
	});

	test('Suspends and re-enables a colleague\u2019s login', async () => {
		expect((await api('POST', `/portal/api/team/${colleague.id}/suspend`, { token: adminToken })).status).toBe(200);
		expect((await signIn(colleague)).status).toBe(401);
		expect((await member(colleague.id))?.status).toBe('suspended');
		expect((await api('POST', `/portal/api/team/${colleague.id}/reactivate`, { token: adminToken })).status).toBe(200);
		expect((await signIn(colleague)).status).toBe(200);
	});

	test('Sends a colleague a password reset through Directus\u2019s own reset flow', async () => {
		expect((await api('POST', `/portal/api/team/${colleague.id}/password-reset`, { token: adminToken })).status).toBe(
			202,
		);
		const mail = await waitForMail(directusUnderTest().mailFolder, colleague.email);
		expect(mail.html).toContain('/portal/reset-password?token=');
	});

	test('Records every action in the audit log', async () => {
		const audit = await api<{ action: string }[]>(
			'GET',
			`/items/portal_audit?filter[actor_contact][_eq]=${admin.id}&fields=action&limit=-1`,
		);
		expect(new Set(audit.body.data?.map((entry) => entry.action))).toEqual(
			new Set([
				'invitation.sent',
				'invitation.revoked',
				'team.contact_added',
				'team.group_changed',
				'team.suspended',
				'team.reactivated',
				'team.password_reset',
			]),
		);
	});
});

describe('How a client administrator may not overreach', () => {
	test('Contacts of other customers do not exist for them, on every route', async () => {
		const routes: [string, string, unknown?][] = [
			['POST', `/portal/api/team/${stranger.id}/invitation`],
			['DELETE', `/portal/api/team/${stranger.id}/invitation`],
			['PATCH', `/portal/api/team/${stranger.id}`, { group: await groupId('No Portal Access') }],
			['POST', `/portal/api/team/${stranger.id}/suspend`],
			['POST', `/portal/api/team/${stranger.id}/reactivate`],
			['POST', `/portal/api/team/${stranger.id}/password-reset`],
		];
		for (const [method, path, body] of routes) {
			const response = await api(method, path, { token: adminToken, ...(body === undefined ? {} : { body }) });
			expect({ path, status: response.status, message: response.body.errors?.[0]?.message }).toEqual({
				path,
				status: 404,
				message: 'There is no such colleague in your company.',
			});
		}
		expect((await signIn(stranger)).status).toBe(200);
	});

	test('Cannot give a group clients may not assign, nor change their own access', async () => {
		const administrator = await api('PATCH', `/portal/api/team/${colleague.id}`, {
			token: adminToken,
			body: { group: await groupId('Administrator') },
		});
		expect(administrator.status).toBe(403);
		expect(administrator.body.errors?.[0]?.message).toBe(
			'You cannot give that group. Choose one of the groups offered to you.',
		);
		for (const path of [`/portal/api/team/${admin.id}/suspend`, `/portal/api/team/${admin.id}/password-reset`]) {
			expect((await api('POST', path, { token: adminToken })).status).toBe(403);
		}
		expect(
			(
				await api('PATCH', `/portal/api/team/${admin.id}`, {
					token: adminToken,
					body: { group: await groupId('Basic') },
				})
			).status,
		).toBe(403);
	});

	test('Cannot give or touch a group above their own', async () => {
		const lead = await api<{ id: number }>('POST', '/items/portal_groups', {
			body: {
				name: uniqueName('Team lead'),
				permissions: { 'tickets.view': 'own', 'tickets.create': true, 'users.manage': true },
				assignable_by_client: false,
			},
		});
		const leadContact = await createPortalContact(customer, lead.body.data?.id);
		const leadToken = await tokenOf(leadContact);
		const offered = (
			(await team(leadToken)).body['meta'] as { assignable_groups: { name: string }[] }
		).assignable_groups.map((group) => group.name);
		expect(offered).toEqual(['No Portal Access']);
		const manager = await api('PATCH', `/portal/api/team/${noLogin}`, {
			token: leadToken,
			body: { group: await groupId('Manager') },
		});
		expect(manager.status).toBe(403);
		const touch = await api('POST', `/portal/api/team/${admin.id}/suspend`, { token: leadToken });
		expect(touch.status).toBe(403);
		expect(touch.body.errors?.[0]?.message).toMatch(
			/is in the group "Administrator", which has more access than yours/,
		);
		expect((await signIn(admin)).status).toBe(200);
	});

	test('Cannot add a colleague with an address already in use, and learns nothing about who uses it', async () => {
		const response = await api('POST', '/portal/api/team', {
			token: adminToken,
			body: { email: stranger.email, last_name: 'Copy' },
		});
		expect(response.status).toBe(403);
		expect(response.body.errors?.[0]?.message).toBe(
			"That e-mail address cannot be used for a new colleague: use an address at one of your company's e-mail domains that is not in use yet. Ask your service provider if you think it should.",
		);
		const row = await api<{ customer: number }>('GET', `/items/contacts/${stranger.id}?fields=customer`);
		expect(row.body.data?.customer).toBe(otherCustomer);
	});

	test('Refuses malformed input with a clear error', async () => {
		expect(
			(
				await api('PATCH', `/portal/api/team/${colleague.id}`, {
					token: adminToken,
					body: { group: await groupId('Basic'), customer: otherCustomer },
				})
			).status,
		).toBe(403);
		expect(
			(await api('POST', '/portal/api/team', { token: adminToken, body: { email: 'nope', last_name: '' } })).status,
		).toBe(400);
		expect((await api('POST', '/portal/api/team/abc/suspend', { token: adminToken })).status).toBe(404);
	});
});
