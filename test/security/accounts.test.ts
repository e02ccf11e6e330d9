/**
 * Attacks on accounts and sessions: self-escalation through /users/me, telling known from unknown
 * e-mail addresses at sign-in and password reset, a suspended contact's tokens, per-address limits
 * dodged with a forged X-Forwarded-For, and WebSockets.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api, createRow, directusUnderTest } from '../support/directus-under-test.ts';
import { expectRefused } from '../support/expect-refused.ts';
import { eventually } from '../support/eventually.ts';
import { createPortalContact, type PortalContact, signIn, tokenOf, uniqueName } from '../support/portal-users.ts';
import { median, timed } from '../support/timing.ts';
import { adminRead, otherClientAddress, rawRequest } from './attack-world.ts';

let customer: number;

beforeAll(async () => {
	customer = (await createRow('customers', { name: uniqueName('Accounts') })).id;
});

afterAll(async () => {
	await api('PATCH', '/items/portal_settings', { body: { self_signup: 'off' } });
});

describe('Self-escalation through /users/me', () => {
	let contact: PortalContact;
	let token: string;

	beforeAll(async () => {
		contact = await createPortalContact(customer, 'Basic');
		token = await tokenOf(contact);
	});

	test('Name and language are writable with profile.edit, and nothing else is', async () => {
		const allowed = await api<{ first_name: string }>('PATCH', '/users/me', {
			token,
			body: { first_name: 'Renamed', last_name: 'Self', language: 'de-DE' },
		});
		expect(allowed.status).toBe(200);
		const adminRole = (await adminRead<{ role: string }>('/users/me?fields=role'))?.role;
		const adminPolicy = (
			await adminRead<{ id: string }[]>('/policies?filter[admin_access][_eq]=true&fields=id&limit=1')
		)?.[0]?.id;
		const attempts: Record<string, unknown> = {
			role: adminRole,
			policies: { create: [{ policy: adminPolicy }] },
			status: 'active',
			email: 'taken-over@example.com',
			password: 'new-password-without-the-old-one',
			tfa_secret: 'JBSWY3DPEHPK3PXP',
			token: 'static-token-of-my-choice',
			provider: 'other',
			external_identifier: 'someone-else',
			auth_data: '{}',
			avatar: null,
			title: 'Boss',
			description: 'x',
			location: 'x',
			tags: ['x'],
			appearance: 'dark',
			theme_light_overrides: {},
			email_notifications: false,
			text_direction: 'rtl',
			last_access: '2030-01-01T00:00:00Z',
		};
		for (const [field, value] of Object.entries(attempts)) {
			const response = await api('PATCH', '/users/me', { token, body: { [field]: value } });
			expect(response.status, `PATCH /users/me ${field}`).toBe(403);
			expect(
				(await api('PATCH', `/users/${contact.userId}`, { token, body: { [field]: value } })).status,
				`PATCH /users/:id ${field}`,
			).toBe(403);
		}
		const batch = await api('PATCH', '/users', { token, body: { keys: [contact.userId], data: { role: adminRole } } });
		expect(batch.status).toBe(403);
		const stored = await adminRead<{
			role: string;
			status: string;
			email: string;
			token: string | null;
			tfa_secret: string | null;
			provider: string;
		}>(`/users/${contact.userId}?fields=role,status,email,token,tfa_secret,provider`);
		expect(stored).toMatchObject({
			status: 'active',
			email: contact.email,
			token: null,
			tfa_secret: null,
			provider: 'default',
		});
		expect(stored?.role).not.toBe(adminRole);
		expect(
			await adminRead(`/access?filter[user][_eq]=${contact.userId}&filter[policy][_eq]=${adminPolicy}&fields=id`),
		).toEqual([]);
		// The old password still works: it was not changed without the current one.
		expect((await signIn(contact)).status).toBe(200);
		expect((await signIn({ email: contact.email, password: 'new-password-without-the-old-one' })).status).toBe(401);
	});

	test('A group without profile.edit changes nothing of its own user row', async () => {
		const group = (
			await createRow('portal_groups', { name: uniqueName('No profile'), permissions: { 'tickets.view': 'own' } })
		).id;
		const plain = await createPortalContact(customer, group);
		const plainToken = await tokenOf(plain);
		expect((await api('PATCH', '/users/me', { token: plainToken, body: { first_name: 'x' } })).status).toBe(403);
	});

	test('The portal’s own password route needs the current password', async () => {
		const response = await api('POST', '/portal/api/me/password', {
			token,
			body: { new_password: 'changed-without-proof' },
		});
		expect(response.status).toBe(400);
		const wrong = await api('POST', '/portal/api/me/password', {
			token,
			body: { current_password: 'not-it', new_password: 'changed-without-proof' },
		});
		expect(wrong.status).toBe(401);
		expect((await signIn({ email: contact.email, password: 'changed-without-proof' })).status).toBe(401);
	});
});

describe('Stay signed in', () => {
	const sessionCookieIn = (response: Response) =>
		response.headers.getSetCookie().find((value) => value.startsWith('directus_session_token='));
	const post = (path: string, body: Record<string, unknown>, cookie?: string) =>
		fetch(`${directusUnderTest().url}${path}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
			body: JSON.stringify(body),
		});
	const tokenIn = (cookie: string | undefined) => cookie?.split(';')[0]?.slice('directus_session_token='.length) ?? '';

	test('With the portal’s marker, the session cookie of a sign-in and of its refreshes has no lifetime; without it, Directus’s', async () => {
		const contact = await createPortalContact(customer, 'Basic');
		const credentials = { email: contact.email, password: contact.password, mode: 'session' };
		const marker = 'portal_browser_session=1';

		const browserOnly = sessionCookieIn(await post('/auth/login', credentials, marker));
		expect(browserOnly).toMatch(/^directus_session_token=[^;]+; Path=\/; HttpOnly; SameSite=\w+$/);
		const refreshed = sessionCookieIn(
			await post('/auth/refresh', { mode: 'session' }, `directus_session_token=${tokenIn(browserOnly)}; ${marker}`),
		);
		expect(refreshed).toMatch(/^directus_session_token=[^;]+; Path=\/; HttpOnly; SameSite=\w+$/);

		const lasting = sessionCookieIn(await post('/auth/login', credentials));
		expect(lasting).toMatch(/; Max-Age=86400; Path=\/; Expires=[^;]+; HttpOnly; SameSite=\w+$/);
		const refreshedLasting = sessionCookieIn(
			await post('/auth/refresh', { mode: 'session' }, `directus_session_token=${tokenIn(lasting)}`),
		);
		expect(refreshedLasting).toMatch(/; Max-Age=86400;/);
		// The session itself reads as it should either way.
		for (const cookie of [refreshed, refreshedLasting]) {
			const me = await fetch(`${directusUnderTest().url}/users/me?fields=email`, {
				headers: { Cookie: `directus_session_token=${tokenIn(cookie)}` },
			});
			expect(((await me.json()) as { data: { email: string } }).data.email).toBe(contact.email);
		}
	});
});

describe('Telling known from unknown e-mail addresses', () => {
	const tries = 7;

	test('Sign-in answers a known address with a wrong password, a suspended one and an unknown one alike, in similar time', async () => {
		const known = await createPortalContact(customer, 'Basic');
		const suspended = await createPortalContact(customer, 'Basic', { login_suspended: true });
		const unknown = `${randomBytes(6).toString('hex')}@portal.example.com`;
		// Each round from an address of its own: the sign-in limits lock an account after 5 tries from one address
		// within their window, and with a short LOGIN_STALL_TIME the rounds come quicker than that.
		const attempt = (email: string, localAddress: string) =>
			timed(async () => {
				const answer = await rawRequest('POST', '/auth/login', {
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ email, password: 'wrong-password-1' }),
					localAddress,
				});
				return { status: answer.status, body: JSON.parse(answer.text) as unknown };
			});
		const samples: Record<string, number[]> = { known: [], suspended: [], unknown: [] };
		const answers = new Set<string>();
		for (let round = 0; round < tries; round++) {
			const address = otherClientAddress();
			for (const [label, email] of [
				['known', known.email],
				['suspended', suspended.email],
				['unknown', unknown],
			] as const) {
				const { result, ms } = await attempt(email, address);
				answers.add(`${result.status} ${JSON.stringify(result.body)}`);
				samples[label]?.push(ms);
			}
		}
		expect([...answers]).toHaveLength(1);
		expect([...answers][0]).toMatch(/^401 /);
		const medians = Object.values(samples).map(median);
		// Generous: Directus stalls every failed sign-in to the same minimum; no median may be twice another.
		expect(
			Math.max(...medians) / Math.min(...medians),
			`medians ${medians.map((value) => value.toFixed(0)).join(', ')} ms`,
		).toBeLessThan(2);
	});

	test('Password reset answers a known and an unknown address alike, in similar time, and mails only the known one', async () => {
		const known = await createPortalContact(customer, 'Basic');
		const unknown = `${randomBytes(6).toString('hex')}@portal.example.com`;
		const resetUrl = `${directusUnderTest().url}/portal/reset-password`;
		const samples: Record<string, number[]> = { known: [], unknown: [] };
		const answers = new Set<string>();
		for (let round = 0; round < 5; round++) {
			for (const [label, email] of [
				['known', known.email],
				['unknown', unknown],
			] as const) {
				const { result, ms } = await timed(() =>
					api('POST', '/auth/password/request', { token: null, body: { email, reset_url: resetUrl } }),
				);
				answers.add(`${result.status} ${JSON.stringify(result.body)}`);
				samples[label]?.push(ms);
			}
		}
		expect([...answers]).toEqual(['204 {}']);
		const medians = Object.values(samples).map(median);
		expect(
			Math.max(...medians) / Math.min(...medians),
			`medians ${medians.map((value) => value.toFixed(0)).join(', ')} ms`,
		).toBeLessThan(2);
		const { mailsTo } = await import('../../scripts/lib/mail-sink.ts');
		await eventually(async () =>
			expect((await mailsTo(directusUnderTest().mailFolder, known.email)).length).toBeGreaterThan(0),
		);
		expect(await mailsTo(directusUnderTest().mailFolder, unknown)).toEqual([]);
	});

	test('A reset link pointing anywhere but the portal is refused, for known and unknown addresses alike', async () => {
		const known = await createPortalContact(customer, 'Basic');
		for (const email of [known.email, 'nobody@portal.example.com']) {
			const response = await api('POST', '/auth/password/request', {
				token: null,
				body: { email, reset_url: 'https://attacker.example.com/steal' },
			});
			expect(response.status).toBe(400);
		}
	});
});

describe('A suspended contact', () => {
	test('Loses access at once: the access token they still hold reads nothing, the refresh token is dead, sign-in fails', async () => {
		const contact = await createPortalContact(customer, 'Basic');
		const ticket = (await createRow('tickets', { customer, contact: contact.id, subject: uniqueName('Mine') })).id;
		const login = await api<{ access_token: string; refresh_token: string }>('POST', '/auth/login', {
			token: null,
			body: { email: contact.email, password: contact.password },
		});
		const access = login.body.data?.access_token ?? '';
		const refresh = login.body.data?.refresh_token ?? '';
		const readsTicket = async () => {
			const response = await api<{ id: number }[]>('GET', `/items/tickets?filter[id][_eq]=${ticket}&fields=id`, {
				token: access,
			});
			return response.status === 200 && (response.body.data ?? []).length > 0;
		};
		expect(await readsTicket()).toBe(true);

		expect((await api('PATCH', `/items/contacts/${contact.id}`, { body: { login_suspended: true } })).status).toBe(200);
		await eventually(async () =>
			expect((await adminRead<{ status: string }>(`/users/${contact.userId}?fields=status`))?.status).toBe('suspended'),
		);
		expect(await readsTicket()).toBe(false);
		expectRefused(await api('GET', '/portal/api/me', { token: access }), 'GET /portal/api/me');
		// Directus answers /users/me without any permission with the id alone.
		const me = await api<Record<string, unknown>>('GET', '/users/me', { token: access });
		if (me.status === 200) expect(me.body.data).toEqual({ id: contact.userId });
		else expectRefused(me, 'GET /users/me');
		expect(
			(await api('POST', '/auth/refresh', { token: null, body: { refresh_token: refresh, mode: 'json' } })).status,
		).toBe(401);
		expect((await signIn(contact)).status).toBe(401);

		// Re-enabled, the same person signs in again and reads their ticket.
		expect((await api('PATCH', `/items/contacts/${contact.id}`, { body: { login_suspended: false } })).status).toBe(
			200,
		);
		await eventually(async () => expect((await signIn(contact)).status).toBe(200));
		const again = await tokenOf(contact);
		expect(
			(await api<{ id: number }[]>('GET', `/items/tickets?filter[id][_eq]=${ticket}&fields=id`, { token: again })).body
				.data,
		).toEqual([{ id: ticket }]);
	});

	test('Moved to No Portal Access, the access token they still hold reads nothing', async () => {
		const contact = await createPortalContact(customer, 'Basic');
		const ticket = (await createRow('tickets', { customer, contact: contact.id, subject: uniqueName('Mine') })).id;
		const access = await tokenOf(contact);
		const noAccess = (
			await api<{ id: number }[]>('GET', '/items/portal_groups?filter[name][_eq]=No%20Portal%20Access&fields=id')
		).body.data?.[0]?.id;
		expect((await api('PATCH', `/items/contacts/${contact.id}`, { body: { portal_group: noAccess } })).status).toBe(
			200,
		);
		const response = await api<{ id: number }[]>('GET', `/items/tickets?filter[id][_eq]=${ticket}&fields=id`, {
			token: access,
		});
		expect(response.status === 200 ? response.body.data : []).toEqual([]);
	});
});

describe('Per-address limits of the public routes', () => {
	test('A forged X-Forwarded-For does not reset the per-address limit (IP_TRUST_PROXY=false)', async () => {
		await api('PATCH', '/items/portal_settings', { body: { self_signup: 'matching_domain' } });
		// From an address of its own on this machine, so other tests' counts stay untouched.
		const from = otherClientAddress();
		const signUp = (localAddress: string, forwardedFor: string) =>
			rawRequest('POST', '/portal/api/signup', {
				localAddress,
				headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor, 'X-Real-IP': forwardedFor },
				body: JSON.stringify({
					email: `${randomBytes(6).toString('hex')}@nowhere.example.com`,
					first_name: 'A',
					last_name: 'B',
				}),
			});
		const statuses: number[] = [];
		// The tests run with PORTAL_PUBLIC_LIMIT_PER_IP=40.
		for (let index = 0; index < 45; index++) statuses.push((await signUp(from, `203.0.113.${index}`)).status);
		expect(statuses.slice(0, 40).every((status) => status === 202)).toBe(true);
		expect(statuses.slice(40)).toEqual([429, 429, 429, 429, 429]);
		const other = await signUp('127.0.0.1', '203.0.113.200');
		expect(other.status).toBe(202);
	});
});

describe('WebSockets (the product runs with WEBSOCKETS_ENABLED=false)', () => {
	/** Whether a WebSocket connection to `path` opens; anything else (error, close, no upgrade) is "refused". */
	function connects(path: string, protocols?: string): Promise<boolean> {
		const url = `${directusUnderTest().url.replace(/^http/, 'ws')}${path}`;
		return new Promise((resolve) => {
			const socket = protocols ? new WebSocket(url, protocols) : new WebSocket(url);
			const timer = setTimeout(() => {
				socket.close();
				resolve(false);
			}, 5_000);
			socket.addEventListener('open', () => {
				clearTimeout(timer);
				socket.close();
				resolve(true);
			});
			socket.addEventListener('error', () => {
				clearTimeout(timer);
				resolve(false);
			});
		});
	}

	test('GHSA-97xr-jchp-xm3c: a connection with an invalid token is refused, as is any connection', async () => {
		expect(await connects('/websocket?access_token=invalid-token')).toBe(false);
		expect(await connects('/websocket')).toBe(false);
		expect(await connects('/graphql?access_token=invalid-token', 'graphql-transport-ws')).toBe(false);
		const contact = await createPortalContact(customer, 'Basic');
		expect(await connects(`/websocket?access_token=${await tokenOf(contact)}`)).toBe(false);
	});
});
