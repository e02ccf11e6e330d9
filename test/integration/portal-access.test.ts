/**
 * Portal groups compiled into Directus policies, and contacts linked to users, through the public API:
 * what a contact sees follows their group on their next request, and every attempt to widen it fails.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { api, createRow, directusUnderTest } from '../support/directus-under-test.ts';
import { eventually } from '../support/eventually.ts';
import { expectRefused } from '../support/expect-refused.ts';
import {
	createPortalContact,
	groupId,
	type PortalContact,
	signIn,
	tokenOf,
	uniqueName,
} from '../support/portal-users.ts';

interface World {
	parent: number;
	child: number;
	other: number;
	alice: PortalContact;
	tickets: { parentOwn: number; parentColleague: number; child: number; other: number };
}

let world: World;

beforeAll(async () => {
	const parent = (await createRow('customers', { name: uniqueName('Parent') })).id;
	const child = (await createRow('customers', { name: uniqueName('Child'), parent })).id;
	const other = (await createRow('customers', { name: uniqueName('Other') })).id;
	const alice = await createPortalContact(parent, 'Basic');
	const colleague = (
		await createRow('contacts', {
			customer: parent,
			last_name: 'Colleague',
			email: `${uniqueName('c').replace(' ', '-')}@example.com`,
		})
	).id;
	const ticket = async (customer: number, contact: number | null) =>
		(await createRow('tickets', { customer, contact, subject: uniqueName('Ticket') })).id;
	world = {
		parent,
		child,
		other,
		alice,
		tickets: {
			parentOwn: await ticket(parent, alice.id),
			parentColleague: await ticket(parent, colleague),
			child: await ticket(child, null),
			other: await ticket(other, null),
		},
	};
});

async function visibleTickets(token: string): Promise<number[]> {
	const response = await api<{ id: number }[]>('GET', '/items/tickets?fields=id&limit=-1&sort=id', { token });
	expect(response.status).toBe(200);
	const ours = new Set(Object.values(world.tickets));
	return (response.body.data ?? []).map((row) => row.id).filter((id) => ours.has(id));
}

describe('Installation', () => {
	test('Seeds the four system groups, each compiled into a policy, and a default group', async () => {
		const groups = await api<
			{ name: string; is_system: boolean; policy: string | null; assignable_by_client: boolean }[]
		>(
			'GET',
			'/items/portal_groups?filter[is_system][_eq]=true&fields=name,is_system,policy,assignable_by_client&sort=id',
		);
		expect(groups.body.data?.map((group) => [group.name, group.assignable_by_client])).toEqual([
			['No Portal Access', true],
			['Basic', true],
			['Manager', true],
			['Administrator', false],
		]);
		expect(groups.body.data?.every((group) => typeof group.policy === 'string')).toBe(true);
		const settings = await api<{ default_group: number; portal_role: string }>('GET', '/items/portal_settings');
		expect(settings.body.data?.default_group).toBe(await groupId('Basic'));
		const role = await api<{ name: string }>('GET', `/roles/${settings.body.data?.portal_role}`);
		expect(role.body.data?.name).toBe('Portal contacts');
	});
});

describe('Linking a contact to a user', () => {
	test('Puts the user under the portal role with exactly its group policy and its customer’s badge', async () => {
		const settings = await api<{ portal_role: string }>('GET', '/items/portal_settings');
		const user = await api<{ role: string; policies: unknown[] }>(
			'GET',
			`/users/${world.alice.userId}?fields=role,status`,
		);
		expect(user.body.data?.role).toBe(settings.body.data?.portal_role);
		const access = await api<{ policy: string }[]>(
			'GET',
			`/access?filter[user][_eq]=${world.alice.userId}&fields=policy`,
		);
		const basic = await api<{ policy: string }[]>('GET', '/items/portal_groups?filter[name][_eq]=Basic&fields=policy');
		const badge = await api<{ portal_badge: string }>(
			'GET',
			`/items/customers/${world.alice.customer}?fields=portal_badge`,
		);
		expect(badge.body.data?.portal_badge).toMatch(/^[0-9a-f-]{36}$/);
		expect(access.body.data?.map(({ policy }) => policy).sort()).toEqual(
			[basic.body.data?.[0]?.policy, badge.body.data?.portal_badge].sort(),
		);
	});

	test('Gives a contact linked without a group the default group', async () => {
		const contact = await createPortalContact(world.other);
		const row = await api<{ portal_group: number }>('GET', `/items/contacts/${contact.id}?fields=portal_group`);
		expect(row.body.data?.portal_group).toBe(await groupId('Basic'));
	});

	test('Refuses to turn a staff user into a portal user', async () => {
		const staffRole = await api<{ id: string }>('POST', '/roles', { body: { name: uniqueName('Staff') } });
		const staff = await api<{ id: string }>('POST', '/users', {
			body: { email: `${Date.now()}-staff@example.com`, password: 'staff-password-1', role: staffRole.body.data?.id },
		});
		const response = await api('POST', '/items/contacts', {
			body: {
				customer: world.other,
				last_name: 'Staff',
				email: `${Date.now()}-s@example.com`,
				user: staff.body.data?.id,
			},
		});
		expectRefused(response, 'Linking a staff user to a contact', { statuses: [400], code: 'PORTAL_USER_LINK' });
		const user = await api<{ role: string }>('GET', `/users/${staff.body.data?.id}?fields=role`);
		expect(user.body.data?.role).toBe(staffRole.body.data?.id);
	});

	test('Help-desk staff without admin rights link users the same way, and cannot turn staff into portal users', async () => {
		const policy = await api<{ id: string }>('POST', '/policies', {
			body: { name: uniqueName('Agents'), app_access: true, admin_access: false },
		});
		for (const action of ['create', 'read', 'update']) {
			await api('POST', '/permissions', {
				body: { policy: policy.body.data?.id, collection: 'contacts', action, fields: ['*'] },
			});
		}
		const agentRole = await api<{ id: string }>('POST', '/roles', { body: { name: uniqueName('Agent') } });
		await api('POST', '/access', { body: { role: agentRole.body.data?.id, policy: policy.body.data?.id } });
		const agentEmail = `${uniqueName('agent').replace(' ', '-')}@example.com`;
		await api('POST', '/users', {
			body: { email: agentEmail, password: 'agent-password-1', role: agentRole.body.data?.id },
		});
		const agent = (await signIn({ email: agentEmail, password: 'agent-password-1' })).token;

		const admin = await api<{ id: string }[]>('GET', '/users?filter[email][_eq]=admin@example.com&fields=id');
		const refused = await api('POST', '/items/contacts', {
			token: agent,
			body: {
				customer: world.other,
				last_name: 'Boss',
				email: `${Date.now()}-b@example.com`,
				user: admin.body.data?.[0]?.id,
			},
		});
		expectRefused(refused, 'Linking an admin to a contact', { statuses: [400], code: 'PORTAL_USER_LINK' });
		const adminAccess = await api<{ policy: string }[]>(
			'GET',
			`/access?filter[user][_eq]=${admin.body.data?.[0]?.id}&fields=policy`,
		);
		const adminRole = await api<{ role: string | null }>('GET', `/users/${admin.body.data?.[0]?.id}?fields=role`);
		expect(adminRole.body.data?.role).not.toBeNull();
		expect(adminAccess.status).toBe(200);

		const fresh = await api<{ id: string }>('POST', '/users', {
			body: { email: `${Date.now()}-fresh@example.com`, password: 'fresh-password-1', status: 'active' },
		});
		const linked = await api('POST', '/items/contacts', {
			token: agent,
			body: {
				customer: world.other,
				last_name: 'Fresh',
				email: `${Date.now()}-f@example.com`,
				user: fresh.body.data?.id,
			},
		});
		expect(linked.status).toBe(200);
		const settings = await api<{ portal_role: string }>('GET', '/items/portal_settings?fields=portal_role');
		await eventually(async () =>
			expect((await api<{ role: string }>('GET', `/users/${fresh.body.data?.id}?fields=role`)).body.data?.role).toBe(
				settings.body.data?.portal_role,
			),
		);
	});

	test('Unlinking takes the portal role and the group policy away', async () => {
		const contact = await createPortalContact(world.other, 'Basic');
		await api('PATCH', `/items/contacts/${contact.id}`, { body: { user: null } });
		await eventually(async () => {
			const user = await api<{ role: string | null }>('GET', `/users/${contact.userId}?fields=role`);
			expect(user.body.data?.role).toBeNull();
			const access = await api<unknown[]>('GET', `/access?filter[user][_eq]=${contact.userId}`);
			expect(access.body.data).toEqual([]);
		});
		const token = (await signIn(contact)).token;
		if (token) expect((await api('GET', '/items/tickets', { token })).status).toBe(403);
	});
});

describe('What a contact sees follows their group on the next request', () => {
	test('Basic sees own tickets; Manager the customer; Administrator the customer and its sub-customers', async () => {
		const token = await tokenOf(world.alice);
		expect(await visibleTickets(token)).toEqual([world.tickets.parentOwn]);

		await api('PATCH', `/items/contacts/${world.alice.id}`, { body: { portal_group: await groupId('Manager') } });
		expect(await visibleTickets(token)).toEqual([world.tickets.parentOwn, world.tickets.parentColleague]);

		await api('PATCH', `/items/contacts/${world.alice.id}`, { body: { portal_group: await groupId('Administrator') } });
		expect(await visibleTickets(token)).toEqual([
			world.tickets.parentOwn,
			world.tickets.parentColleague,
			world.tickets.child,
		]);

		await api('PATCH', `/items/contacts/${world.alice.id}`, { body: { portal_group: await groupId('Basic') } });
		expect(await visibleTickets(token)).toEqual([world.tickets.parentOwn]);

		await eventually(async () => {
			const audit = await api<{ action: string; details: { portal_group: number } }[]>(
				'GET',
				`/items/portal_audit?filter[target_id][_eq]=${world.alice.id}&filter[action][_eq]=contact.access_changed&fields=action,details&sort=id`,
			);
			// Linked in Basic when created, then the three changes above.
			expect(audit.body.data?.map((entry) => entry.details.portal_group)).toEqual([
				await groupId('Basic'),
				await groupId('Manager'),
				await groupId('Administrator'),
				await groupId('Basic'),
			]);
		});
	});

	test('Editing a custom group changes what its contacts see on their next request', async () => {
		const group = await api<{ id: number }>('POST', '/items/portal_groups', {
			body: { name: uniqueName('Custom'), permissions: { 'tickets.view': 'own' } },
		});
		expect(group.status).toBe(200);
		const contact = await createPortalContact(world.parent, group.body.data?.id);
		await createRow('tickets', { customer: world.parent, contact: contact.id, subject: 'Mine' });
		const token = await tokenOf(contact);
		expect(await visibleTickets(token)).toEqual([]);
		expect((await api<unknown[]>('GET', '/items/tickets?fields=id', { token })).body.data).toHaveLength(1);

		await api('PATCH', `/items/portal_groups/${group.body.data?.id}`, {
			body: { permissions: { 'tickets.view': 'customer_tree' } },
		});
		expect(await visibleTickets(token)).toEqual([
			world.tickets.parentOwn,
			world.tickets.parentColleague,
			world.tickets.child,
		]);

		await api('PATCH', `/items/portal_groups/${group.body.data?.id}`, { body: { permissions: {} } });
		expect((await api('GET', '/items/tickets?fields=id', { token })).status).toBe(403);
	});

	test('No Portal Access suspends the login; another group restores it', async () => {
		const contact = await createPortalContact(world.other, 'Basic');
		expect((await signIn(contact)).status).toBe(200);
		await api('PATCH', `/items/contacts/${contact.id}`, { body: { portal_group: await groupId('No Portal Access') } });
		expect((await signIn(contact)).status).toBe(401);
		await api('PATCH', `/items/contacts/${contact.id}`, { body: { portal_group: await groupId('Manager') } });
		expect((await signIn(contact)).status).toBe(200);
	});

	test('A sub-customer hidden from its parent is out of the parent contacts\u2019 tree', async () => {
		const hidden = (
			await createRow('customers', { name: uniqueName('Hidden'), parent: world.parent, visible_to_parent: false })
		).id;
		const ticket = (await createRow('tickets', { customer: hidden, subject: 'Private' })).id;
		const admin = await createPortalContact(world.parent, 'Administrator');
		const response = await api<{ id: number }[]>('GET', `/items/tickets?fields=id&filter[id][_eq]=${ticket}`, {
			token: await tokenOf(admin),
		});
		expect(response.body.data).toEqual([]);
	});
});

describe('Quick successive changes to one contact', () => {
	/** The user's portal access as stored: how many access rows (its group's policy and its badge) and its status. */
	async function accessOf(userId: string): Promise<{ rows: number; status: string | undefined }> {
		const rows = await api<unknown[]>('GET', `/access?filter[user][_eq]=${userId}&fields=id&limit=-1`);
		const user = await api<{ status: string }>('GET', `/users/${userId}?fields=status`);
		return { rows: rows.body.data?.length ?? -1, status: user.body.data?.status };
	}
	const active = { rows: 2, status: 'active' };
	const suspended = { rows: 0, status: 'suspended' };

	/** How many changes of the login's suspension the product has finished applying: it records each once its sync is done. */
	async function appliedSuspensionChanges(contact: PortalContact): Promise<number> {
		const entries = await api<{ details: unknown }[]>(
			'GET',
			`/items/portal_audit?filter[action][_eq]=contact.access_changed&filter[target_id][_eq]=${contact.id}&fields=details&limit=-1`,
		);
		return (entries.body.data ?? []).filter((entry) => JSON.stringify(entry.details).includes('login_suspended'))
			.length;
	}

	/**
	 * Waits until the access matches the contact as stored, then until the syncs of all `changes` sent so far have
	 * finished, and checks the access still matches: no late sync undid it.
	 */
	async function settlesOnStoredState(contact: PortalContact, changes: number): Promise<void> {
		const stored = await api<{ login_suspended: boolean }>(
			'GET',
			`/items/contacts/${contact.id}?fields=login_suspended`,
		);
		const expected = stored.body.data?.login_suspended ? suspended : active;
		await eventually(async () => expect(await accessOf(contact.userId)).toEqual(expected));
		await eventually(async () => expect(await appliedSuspensionChanges(contact)).toBe(changes));
		expect(await accessOf(contact.userId)).toEqual(expected);
	}

	test('An admin suspending and re-enabling a login in turn: each change holds on the very next request', async () => {
		const contact = await createPortalContact(world.other, 'Manager');
		for (let round = 0; round < 8; round++) {
			expect((await api('PATCH', `/items/contacts/${contact.id}`, { body: { login_suspended: true } })).status).toBe(
				200,
			);
			expect(await accessOf(contact.userId)).toEqual(suspended);
			expect((await api('PATCH', `/items/contacts/${contact.id}`, { body: { login_suspended: false } })).status).toBe(
				200,
			);
			expect(await accessOf(contact.userId)).toEqual(active);
		}
		await settlesOnStoredState(contact, 16);
	});

	test('Concurrent changes by admins and by help-desk staff end with exactly what was stored last', async () => {
		const policy = await api<{ id: string }>('POST', '/policies', {
			body: { name: uniqueName('Desk'), app_access: true, admin_access: false },
		});
		for (const action of ['read', 'update'])
			await api('POST', '/permissions', {
				body: { policy: policy.body.data?.id, collection: 'contacts', action, fields: ['*'] },
			});
		const email = `${uniqueName('desk').replace(' ', '-')}@example.com`;
		const desk = await api<{ id: string }>('POST', '/users', { body: { email, password: 'desk-password-1' } });
		await api('POST', '/access', { body: { user: desk.body.data?.id, policy: policy.body.data?.id } });
		const staff = (await signIn({ email, password: 'desk-password-1' })).token;
		expect(staff).not.toBeNull();

		for (const token of [undefined, staff ?? undefined]) {
			const contact = await createPortalContact(world.other, 'Manager');
			for (let burst = 0; burst < 3; burst++) {
				const writes = Array.from({ length: 12 }, (_, index) =>
					api('PATCH', `/items/contacts/${contact.id}`, {
						token,
						body: { login_suspended: (index + burst) % 2 === 0 },
					}),
				);
				for (const response of await Promise.all(writes)) expect(response.status).toBe(200);
				await settlesOnStoredState(contact, 12 * (burst + 1));
			}
		}
	});
});

describe('Portal settings', () => {
	test('Turning parent visibility off narrows customer_tree to the own customer at once, and back', async () => {
		const admin = await createPortalContact(world.parent, 'Administrator');
		const token = await tokenOf(admin);
		expect(await visibleTickets(token)).toContain(world.tickets.child);
		await api('PATCH', '/items/portal_settings', { body: { parent_visibility: false } });
		try {
			expect(await visibleTickets(token)).not.toContain(world.tickets.child);
		} finally {
			await api('PATCH', '/items/portal_settings', { body: { parent_visibility: true } });
		}
		expect(await visibleTickets(token)).toContain(world.tickets.child);
	});

	test('Staff cannot point the portal at another role', async () => {
		const before = await api<{ portal_role: string }>('GET', '/items/portal_settings?fields=portal_role');
		const role = await api<{ id: string }>('POST', '/roles', { body: { name: uniqueName('Other') } });
		await api('PATCH', '/items/portal_settings', { body: { portal_role: role.body.data?.id } });
		expect((await api<{ portal_role: string }>('GET', '/items/portal_settings?fields=portal_role')).body.data).toEqual(
			before.body.data,
		);
	});
});

describe('The same rules hold through GraphQL', () => {
	test('A Basic contact sees only their own tickets through /graphql', async () => {
		const token = await tokenOf(world.alice);
		const response = await fetch(`${directusUnderTest().url}/graphql`, {
			method: 'POST',
			headers: { 'Authorization': `Bearer ${token}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ query: '{ tickets(limit: -1) { id customer { id } contact { id } } }' }),
		});
		const body = (await response.json()) as { data?: { tickets: { id: string }[] }; errors?: unknown };
		expect(body.errors).toBeUndefined();
		const ours = new Set(Object.values(world.tickets).map(String));
		expect(body.data?.tickets.map((ticket) => ticket.id).filter((id) => ours.has(id))).toEqual([
			String(world.tickets.parentOwn),
		]);
	});
});

describe('Groups refuse bad input and keep system groups intact', () => {
	test('Refuses unknown capabilities and values with every problem named', async () => {
		const response = await api('POST', '/items/portal_groups', {
			body: {
				name: uniqueName('Bad'),
				permissions: { 'tickets.view': 'everything', 'tickets.fly': true, 'kb.view': 'yes' },
			},
		});
		expect(response.status).toBe(400);
		expect(response.body.errors?.[0]?.message).toBe(
			'The portal group\'s permissions are not valid: "tickets.view" must be one of "none", "own", "customer", "customer_tree". "tickets.fly" is not a portal capability. "kb.view" must be true or false.',
		);
	});

	test('Refuses to change or delete a system group, and to delete a group in use', async () => {
		const basic = await groupId('Basic');
		const update = await api('PATCH', `/items/portal_groups/${basic}`, {
			body: { permissions: { 'tickets.view': 'customer_tree' } },
		});
		expect(update.status).toBe(400);
		expect(update.body.errors?.[0]?.extensions?.code).toBe('SYSTEM_GROUP_READ_ONLY');
		expect((await api('DELETE', `/items/portal_groups/${basic}`)).status).toBe(400);

		const custom = await api<{ id: number; name: string }>('POST', '/items/portal_groups', {
			body: { name: uniqueName('In use'), permissions: { 'kb.view': true } },
		});
		await createPortalContact(world.other, custom.body.data?.id);
		const response = await api('DELETE', `/items/portal_groups/${custom.body.data?.id}`);
		expect(response.status).toBe(409);
		expect(response.body.errors?.[0]?.message).toBe(
			`The portal group "${custom.body.data?.name}" cannot be deleted while 1 contact uses it. Move that contact to another group first.`,
		);
	});

	test('Deleting an unused custom group deletes its policy', async () => {
		const custom = await api<{ id: number; policy: string }>('POST', '/items/portal_groups', {
			body: { name: uniqueName('Gone'), permissions: { 'kb.view': true } },
		});
		expect((await api('DELETE', `/items/portal_groups/${custom.body.data?.id}`)).status).toBe(204);
		await eventually(async () => expect((await api('GET', `/policies/${custom.body.data?.policy}`)).status).toBe(403));
	});
});

describe('A contact cannot raise their own rights or cross to another customer', () => {
	test('Cannot change their own group, user, customer or role', async () => {
		const contact = await createPortalContact(world.parent, 'Administrator');
		const token = await tokenOf(contact);
		const staff = await api<{ id: string }>('POST', '/users', {
			body: {
				email: `${Date.now()}-boss@example.com`,
				password: 'staff-password-1',
				role: (await api<{ id: string }>('POST', '/roles', { body: { name: uniqueName('Boss') } })).body.data?.id,
			},
		});
		for (const body of [
			{ portal_group: await groupId('Administrator') },
			{ customer: world.other },
			{ user: null },
			{ user: staff.body.data?.id },
		]) {
			const response = await api('PATCH', `/items/contacts/${contact.id}`, { token, body });
			expect(response.status).toBe(403);
			expect(JSON.stringify(response.body)).not.toContain('boss@example.com');
		}
		expect((await api('PATCH', '/users/me', { token, body: { role: null } })).status).toBe(403);
		expect((await api('POST', '/access', { token, body: { user: contact.userId, policy: 'x' } })).status).toBe(403);
		const row = await api<{ customer: number; user: string }>(
			'GET',
			`/items/contacts/${contact.id}?fields=customer,user`,
		);
		expect(row.body.data).toEqual({ customer: world.parent, user: contact.userId });
	});

	test('A text longer than its column is refused in words, the same on every database; the longest that fits goes in', async () => {
		const contact = await createPortalContact(world.parent, 'Manager');
		const token = await tokenOf(contact);
		const tooLong = `${'é'.repeat(254)}ab`;
		const refused = await api('POST', '/items/tickets', { token, body: { subject: tooLong } });
		expect(refused.status).toBe(400);
		expect(refused.body.errors?.[0]?.message).toContain('"subject" may have at most 255 characters');
		expect((await api<unknown[]>('GET', `/items/tickets?filter[subject][_eq]=${tooLong}`)).body.data).toEqual([]);
		// 255 characters (of two bytes each in UTF-8): they fit.
		const created = await api<{ id: number }>('POST', '/items/tickets', {
			token,
			body: { subject: tooLong.slice(0, 255) },
		});
		expect(created.status).toBe(200);
		const update = await api('PATCH', `/items/tickets/${created.body.data?.id}`, {
			token,
			body: { subject: 'x'.repeat(600) },
		});
		expect(update.status).toBe(400);
		expect(update.body.errors?.[0]?.message).toContain('at most 255 characters');
		expect(
			(await api<{ subject: string }>('GET', `/items/tickets/${created.body.data?.id}?fields=subject`)).body.data
				?.subject,
		).toBe(tooLong.slice(0, 255));
	});

	test('Creates tickets only for their own customer, with the default priority unless allowed to choose', async () => {
		const contact = await createPortalContact(world.parent, 'Basic');
		const token = await tokenOf(contact);
		const foreign = await api('POST', '/items/tickets', {
			token,
			body: { subject: 'Not mine', customer: world.other },
		});
		expectRefused(foreign, 'A ticket for another customer', { statuses: [400] });
		// The same request for the contact's own customer goes through: the refusal is about the customer named.
		expect(
			(await api('POST', '/items/tickets', { token, body: { subject: 'Mine', customer: world.parent } })).status,
		).toBe(200);
		const withPriority = await api('POST', '/items/tickets', { token, body: { subject: 'Urgent!', priority: 1 } });
		expect(withPriority.status).toBe(403);
		await createRow('ticket_priorities', { name: uniqueName('Default'), sort: 2, is_default: true });
		const created = await api<{ id: number }>('POST', '/items/tickets', { token, body: { subject: 'Printer' } });
		expect(created.status).toBe(200);
		const stored = await api<{ customer: number; contact: number; priority: number }>(
			'GET',
			`/items/tickets/${created.body.data?.id}?fields=customer,contact,priority`,
		);
		const priorities = await api<{ id: number }[]>(
			'GET',
			'/items/ticket_priorities?fields=id&sort=-is_default,sort,id&limit=1',
		);
		expect(stored.body.data).toEqual({
			customer: world.parent,
			contact: contact.id,
			priority: priorities.body.data?.[0]?.id,
		});
	});

	test('Replies only to tickets they can see, always as themselves and never internally', async () => {
		const contact = await createPortalContact(world.parent, 'Basic');
		const token = await tokenOf(contact);
		const mine = (await createRow('tickets', { customer: world.parent, contact: contact.id, subject: 'Mine' })).id;
		const notMine = await api('POST', '/items/ticket_comments', {
			token,
			body: { ticket: world.tickets.other, body: 'Hello' },
		});
		expect(notMine.status).toBe(403);
		const reply = await api<{ id: number }>('POST', '/items/ticket_comments', {
			token,
			body: { ticket: mine, body: 'Thanks', is_internal: true, author_contact: world.alice.id },
		});
		expect(reply.status).toBe(200);
		const stored = await api<{ is_internal: boolean; author_contact: number }>(
			'GET',
			`/items/ticket_comments/${reply.body.data?.id}?fields=is_internal,author_contact`,
		);
		expect(stored.body.data).toEqual({ is_internal: false, author_contact: contact.id });
	});

	test('A reply or note staff write without saying is internal and theirs; a contact’s words staff record are public', async () => {
		const contact = await createPortalContact(world.parent, 'Manager');
		const token = await tokenOf(contact);
		const staff = (await api<{ id: string }>('GET', '/users/me?fields=id')).body.data?.id;
		const ticket = (await createRow('tickets', { customer: world.parent, contact: contact.id, subject: 'Flags' })).id;
		const reply = async (body: Record<string, unknown>) => {
			const created = await api<{ id: number }>('POST', '/items/ticket_comments', { body: { ticket, ...body } });
			expect(created.status, JSON.stringify(created.body)).toBe(200);
			return (
				await api<{ body: string; is_internal: boolean; author_user: string | null }>(
					'GET',
					`/items/ticket_comments/${created.body.data?.id}?fields=body,is_internal,author_user`,
				)
			).body.data;
		};
		expect(await reply({ body: 'Toner recall: do not tell them yet' })).toEqual({
			body: 'Toner recall: do not tell them yet',
			is_internal: true,
			author_user: staff,
		});
		expect(await reply({ body: 'We are on our way', is_internal: false })).toMatchObject({
			is_internal: false,
			author_user: staff,
		});
		expect(
			await reply({ body: 'Said on the phone: it is the second floor', author_contact: contact.id }),
		).toMatchObject({ is_internal: false });
		// An author named stays (null too: a reply the product files, say, under nobody).
		expect(await reply({ body: 'Filed', is_internal: false, author_user: null })).toMatchObject({ author_user: null });
		const seen = await api<{ body: string }[]>(
			'GET',
			`/items/ticket_comments?filter[ticket][_eq]=${ticket}&fields=body&sort=id`,
			{
				token,
			},
		);
		expect(seen.body.data?.map((row) => row.body)).toEqual([
			'We are on our way',
			'Said on the phone: it is the second floor',
			'Filed',
		]);

		const project = (await createRow('projects', { customer: world.parent, name: uniqueName('Flags') })).id;
		const note = await api<{ id: number }>('POST', '/items/project_notes', { body: { project, body: 'Budget' } });
		expect(
			(await api<{ is_internal: boolean }>('GET', `/items/project_notes/${note.body.data?.id}?fields=is_internal`)).body
				.data,
		).toEqual({ is_internal: true });
	});
});

describe('The portal app\u2019s view of the signed-in contact', () => {
	test('GET /portal/api/me returns the contact, customer, group and effective capabilities', async () => {
		const contact = await createPortalContact(world.parent, 'Manager');
		const response = await api<{
			contact: { id: number };
			customer: { id: number };
			group: { name: string };
			capabilities: Record<string, unknown>;
		}>('GET', '/portal/api/me', { token: await tokenOf(contact) });
		expect(response.status).toBe(200);
		expect(response.body.data).toMatchObject({
			contact: { id: contact.id },
			customer: { id: world.parent },
			group: { name: 'Manager' },
		});
		expect(response.body.data?.capabilities).toMatchObject({
			'tickets.view': 'customer',
			'invoices.view': true,
			'users.manage': false,
		});
	});

	test('GET /portal/api/me answers only portal users', async () => {
		expect((await api('GET', '/portal/api/me', { token: null })).status).toBe(403);
		expect((await api('GET', '/portal/api/me')).status).toBe(403);
	});

	test('GET /portal/api/config tells anyone the portal\u2019s name, colour and what it offers visitors', async () => {
		const response = await api<Record<string, unknown>>('GET', '/portal/api/config', { token: null });
		expect(response.status).toBe(200);
		expect(Object.keys(response.body.data ?? {}).sort()).toEqual([
			'accent_color',
			'access_mode',
			'language',
			'portal_name',
			'public_knowledge_base',
			'public_requests',
			'self_signup',
			'signed_in',
		]);
		// Registered-only by default: nothing for visitors.
		expect(response.body.data?.['public_requests']).toBe(false);
		expect(response.body.data?.['public_knowledge_base']).toBe(false);
		// Whether a session came with the request (anyone's: /portal/api/me says whose), so a visitor's page asks no more.
		expect(response.body.data?.['signed_in']).toBe(false);
		expect((await api<Record<string, unknown>>('GET', '/portal/api/config')).body.data?.['signed_in']).toBe(true);
	});

	test('The portal speaks the contact\u2019s Directus language, else the project\u2019s default (visitors too), else English', async () => {
		const languageOf = async (path: string, token: string | null) =>
			(await api<{ language: string }>('GET', path, { token })).body.data?.language;
		const contact = await createPortalContact(world.parent, 'Basic');
		const token = await tokenOf(contact);
		expect(await languageOf('/portal/api/config', null)).toBe('en');
		expect(await languageOf('/portal/api/me', token)).toBe('en');
		await api('PATCH', '/settings', { body: { default_language: 'de-DE' } });
		try {
			expect(await languageOf('/portal/api/config', null)).toBe('de');
			expect(await languageOf('/portal/api/me', token)).toBe('de');
			// The contact's own choice wins over the project's; a language the portal does not speak falls back to it.
			await api('PATCH', `/users/${contact.userId}`, { body: { language: 'en-GB' } });
			expect(await languageOf('/portal/api/me', token)).toBe('en');
			await api('PATCH', `/users/${contact.userId}`, { body: { language: 'fr-FR' } });
			expect(await languageOf('/portal/api/me', token)).toBe('de');
		} finally {
			await api('PATCH', '/settings', { body: { default_language: 'en-US' } });
		}
	});

	test('Every contact chooses their own language; their name only where the group lets them edit their profile', async () => {
		const group = await api<{ id: number }>('POST', '/items/portal_groups', {
			body: { name: uniqueName('Own tickets only'), permissions: { 'tickets.view': 'own' } },
		});
		expect(group.status).toBe(200);
		const contact = await createPortalContact(world.parent, group.body.data?.id as number);
		const token = await tokenOf(contact);
		const own = async () =>
			(
				await api<{ first_name: string | null; language: string | null }>(
					'GET',
					`/users/${contact.userId}?fields=first_name,language`,
				)
			).body.data;
		const before = await own();
		expect((await api('PATCH', '/users/me', { token, body: { language: 'de-DE' } })).status).toBe(200);
		expect((await api('PATCH', '/users/me', { token, body: { first_name: 'Renamed' } })).status).toBe(403);
		expect((await api('PATCH', '/users/me', { token, body: { language: 'en-US', role: null } })).status).toBe(403);
		expect(await own()).toEqual({ first_name: before?.first_name ?? null, language: 'de-DE' });
		// Nobody else's language.
		const colleague = await createPortalContact(world.parent, 'Basic');
		expect((await api('PATCH', `/users/${colleague.userId}`, { token, body: { language: 'de-DE' } })).status).toBe(403);
		// The same through GraphQL's system endpoint.
		const graphql = async (query: string) => {
			const response = await fetch(`${directusUnderTest().url}/graphql/system`, {
				method: 'POST',
				headers: { 'Authorization': `Bearer ${token}`, 'Content-Type': 'application/json' },
				body: JSON.stringify({ query }),
			});
			return (await response.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] };
		};
		const chosen = await graphql('mutation { update_users_me(data: { language: "en-GB" }) { language } }');
		expect(chosen.errors).toBeUndefined();
		expect(chosen.data?.['update_users_me']).toEqual({ language: 'en-GB' });
		expect((await graphql('mutation { update_users_me(data: { first_name: "Renamed" }) { id } }')).errors).toHaveLength(
			1,
		);
		expect(
			(await graphql(`mutation { update_users_item(id: "${colleague.userId}", data: { language: "en-GB" }) { id } }`))
				.errors,
		).toHaveLength(1);
		expect(await own()).toEqual({ first_name: before?.first_name ?? null, language: 'en-GB' });
		expect(
			(await api<{ language: string | null }>('GET', `/users/${colleague.userId}?fields=language`)).body.data?.language,
		).not.toBe('en-GB');
	});
});

describe('Changing one\u2019s own password', () => {
	test('Needs the current password, and then the new one works', async () => {
		const contact = await createPortalContact(world.other, 'Basic');
		const token = await tokenOf(contact);
		const wrong = await api('POST', '/portal/api/me/password', {
			token,
			body: { current_password: 'wrong-password', new_password: 'new-password-123' },
		});
		expect(wrong.status).toBe(401);
		expect(
			(await api('POST', '/portal/api/me/password', { token, body: { current_password: contact.password } })).status,
		).toBe(400);
		// The same password again, or one anyone would guess: refused with the reason, nothing changed.
		for (const [newPassword, reason] of [
			[contact.password, /the one you have now/],
			['password1', /first any attacker tries/],
		] as const) {
			const refused = await api('POST', '/portal/api/me/password', {
				token,
				body: { current_password: contact.password, new_password: newPassword },
			});
			expect(refused.status).toBe(400);
			expect(JSON.stringify(refused.body.errors)).toMatch(reason);
		}
		expect((await signIn({ email: contact.email, password: 'password1' })).status).toBe(401);
		expect(
			(
				await api('POST', '/portal/api/me/password', {
					token,
					body: { current_password: contact.password, new_password: 'new-password-123' },
				})
			).status,
		).toBe(204);
		expect((await signIn({ email: contact.email, password: contact.password })).status).toBe(401);
		expect((await signIn({ email: contact.email, password: 'new-password-123' })).status).toBe(200);
	});

	test('Is for portal users only', async () => {
		expect(
			(
				await api('POST', '/portal/api/me/password', {
					token: null,
					body: { current_password: 'a', new_password: 'b' },
				})
			).status,
		).toBe(403);
	});
});

describe('Limits staff meet in the studio', () => {
	test('An invitation validity outside 1 to 720 hours, and a group without a name or with a 400-character one, are refused in words and change nothing', async () => {
		const before = (await api<{ invite_ttl_hours: number }>('GET', '/items/portal_settings?fields=invite_ttl_hours'))
			.body.data?.invite_ttl_hours;
		for (const hours of [0, 100000, -5]) {
			const refused = await api('PATCH', '/items/portal_settings', { body: { invite_ttl_hours: hours } });
			expect(refused.status, String(hours)).toBe(400);
			expect(refused.body.errors?.[0]?.message).toMatch(/from 1 to 720/);
		}
		expect(
			(await api<{ invite_ttl_hours: number }>('GET', '/items/portal_settings?fields=invite_ttl_hours')).body.data
				?.invite_ttl_hours,
		).toBe(before);

		const groupsBefore = (await api<unknown[]>('GET', '/items/portal_groups?fields=id&limit=-1')).body.data?.length;
		for (const [name, reason] of [
			['', 'A group needs a name.'],
			['   ', 'A group needs a name.'],
			['x'.repeat(400), 'at most 100 characters'],
		] as const) {
			const refused = await api('POST', '/items/portal_groups', { body: { name, permissions: {} } });
			expect(refused.status).toBe(400);
			expect(refused.body.errors?.[0]?.message).toContain(reason);
		}
		expect((await api<unknown[]>('GET', '/items/portal_groups?fields=id&limit=-1')).body.data?.length).toBe(
			groupsBefore,
		);
		const created = await api<{ id: number; name: string }>('POST', '/items/portal_groups', {
			body: { name: `  ${uniqueName('Leads')}  `, permissions: {} },
		});
		expect(created.status).toBe(200);
		expect(created.body.data?.name).toBe(created.body.data?.name.trim());
		const renamed = await api('PATCH', `/items/portal_groups/${created.body.data?.id}`, { body: { name: '' } });
		expect(renamed.status).toBe(400);
		await api('DELETE', `/items/portal_groups/${created.body.data?.id}`);
	});
});

describe('The audit log records what changes access', () => {
	interface Entry {
		action: string;
		actor_user: string | null;
		actor_contact: number | null;
		customer: number | null;
		target_collection: string | null;
		target_id: string | null;
		details: Record<string, unknown> | null;
	}
	const entriesAbout = async (collection: string, id: number | string) =>
		(
			await api<Entry[]>(
				'GET',
				`/items/portal_audit?filter[target_collection][_eq]=${collection}&filter[target_id][_eq]=${id}&fields=action,actor_user,actor_contact,customer,target_collection,target_id,details&sort=id`,
			)
		).body.data ?? [];

	test('A group created, a customer hidden from its parent, and a contact approving and declining quotes', async () => {
		const me = (await api<{ id: string }>('GET', '/users/me?fields=id')).body.data?.id;
		const name = uniqueName('Audited group');
		const group = (await createRow('portal_groups', { name, permissions: { 'kb.view': true } })).id;
		await eventually(async () =>
			expect(await entriesAbout('portal_groups', group)).toEqual([
				expect.objectContaining({ action: 'group.created', actor_user: me, details: { name } }),
			]),
		);

		const parent = (await createRow('customers', { name: uniqueName('Audit parent') })).id;
		const child = (await createRow('customers', { name: uniqueName('Audit child'), parent })).id;
		expect((await api('PATCH', `/items/customers/${child}`, { body: { visible_to_parent: false } })).status).toBe(200);
		// A change of anything else is not a visibility change.
		expect(
			(await api('PATCH', `/items/customers/${child}`, { body: { email_domains: ['audit.example'] } })).status,
		).toBe(200);
		await eventually(async () =>
			expect(await entriesAbout('customers', child)).toEqual([
				expect.objectContaining({
					action: 'customer.visibility_changed',
					actor_user: me,
					customer: child,
					details: { visible_to_parent: false },
				}),
			]),
		);

		const contact = await createPortalContact(parent, 'Administrator');
		const token = await tokenOf(contact);
		const quote = async () =>
			(await createRow('quotes', { customer: parent, title: uniqueName('Quote'), total: 100, status: 'pending' })).id;
		const [approved, declined] = [await quote(), await quote()];
		for (const [id, status] of [
			[approved, 'approved'],
			[declined, 'declined'],
		] as const)
			expect((await api('PATCH', `/items/quotes/${id}`, { token, body: { status } })).status).toBe(200);
		await eventually(async () => {
			expect(await entriesAbout('quotes', approved)).toEqual([
				expect.objectContaining({ action: 'quote.approved', actor_contact: contact.id, customer: parent }),
			]);
			expect(await entriesAbout('quotes', declined)).toEqual([
				expect.objectContaining({ action: 'quote.declined', actor_contact: contact.id, customer: parent }),
			]);
		});
	});
});
