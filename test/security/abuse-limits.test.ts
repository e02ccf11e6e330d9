/**
 * Availability and abuse, as an outsider would try them: a contact's /utils export holding the database
 * for everyone, guessing passwords until an account is suspended (REST and GraphQL, in parallel, many
 * guesses in one request), flooding an inbox with password resets or team invitations, timing self
 * sign-up to learn who is a customer, and a chunked upload over the size limit.
 *
 * The test Directus runs with PORTAL_LOGIN_LIMIT_PER_IP=40, PORTAL_LOGIN_WINDOW_SECONDS=10,
 * PORTAL_LOGIN_LOCK_SECONDS=3 and PORTAL_TEAM_LIMIT_PER_USER=10 (see global-setup.ts); the limits of one
 * account from one address (5) and from anywhere (20), and the per-address reset limit (3), are the defaults.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { mailsTo, waitForMail } from '../../scripts/lib/mail-sink.ts';
import { api, createRow, createRows, directusUnderTest } from '../support/directus-under-test.ts';
import { createPortalContact, type PortalContact, tokenOf, uniqueName } from '../support/portal-users.ts';
import { median, timed } from '../support/timing.ts';
import {
	adminRead,
	type AttackWorld,
	createAttackWorld,
	graphql,
	otherClientAddress,
	rawRequest,
	type RawResponse,
} from './attack-world.ts';

/** Attempts at one account from one address, and from all addresses together. */
const perAccount = 5;
const perAccountEverywhere = 20;
const perAddress = 40;
const unknownAddress = () => `${randomBytes(6).toString('hex')}@portal.example.com`;
const json = { 'Content-Type': 'application/json' };
const codeIn = (response: RawResponse) =>
	(JSON.parse(response.text || '{}') as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions
		?.code;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A sign-in from `localAddress`, as any client would send it. */
const signInFrom = (localAddress: string, email: string, password: string) =>
	rawRequest('POST', '/auth/login', { localAddress, headers: json, body: JSON.stringify({ email, password }) });

const count = (responses: RawResponse[], status: number) =>
	responses.filter((response) => response.status === status).length;

let world: AttackWorld;

beforeAll(async () => {
	world = await createAttackWorld();
});

describe('/utils for portal users', () => {
	test('Export, import, sort, revert, hashing and cache clear are refused to a contact before any work, over REST and GraphQL, and staff are not kept waiting', async () => {
		const token = world.attackerToken;
		const staffRead = api('GET', '/items/tickets?limit=1&fields=id');
		const attempts: [string, string, unknown][] = [
			['POST', '/utils/export/tickets', { query: { fields: ['*'], limit: -1 }, format: 'json' }],
			['POST', '/utils/export/directus_users', { query: { limit: -1 }, format: 'csv' }],
			['POST', '/utils/import/tickets', undefined],
			['POST', '/utils/sort/ticket_priorities', { item: 1, to: 2 }],
			['POST', '/utils/revert/1', undefined],
			['POST', '/utils/hash/generate', { string: 'x'.repeat(1000) }],
			['POST', '/utils/hash/verify', { string: 'x', hash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaA' }],
			['GET', '/utils/random/string', undefined],
			['POST', '/utils/cache/clear', undefined],
		];
		for (const [method, path, body] of attempts) {
			const response = await api(method, path, { token, body });
			expect({ path, status: response.status, code: response.body.errors?.[0]?.extensions?.code }).toEqual({
				path,
				status: 403,
				code: 'UTILS_REFUSED',
			});
		}
		// The same tools over GraphQL.
		for (const query of [
			'mutation { utils_hash_generate(string: "x") }',
			'mutation { a: users_me { id } b: utils_cache_clear }',
			'query { utils_random_string }',
		]) {
			const response = await graphql('/graphql/system', query, token);
			expect({ query, status: response.status, code: response.body.errors?.[0]?.extensions?.code }).toEqual({
				query,
				status: 403,
				code: 'UTILS_REFUSED',
			});
		}
		expect((await staffRead).status).toBe(200);
		// Nothing was exported: staff's own request right after is answered at once.
		const { result, ms } = await timed(() => api('GET', '/items/tickets?limit=1&fields=id'));
		expect(result.status).toBe(200);
		expect(ms, `a staff read took ${ms.toFixed(0)} ms`).toBeLessThan(5_000);
		expect(await adminRead(`/notifications?filter[recipient][_eq]=${world.attacker.userId}&fields=subject`)).toEqual(
			[],
		);
		// Staff keep them.
		expect((await api('POST', '/utils/hash/generate', { body: { string: 'staff' } })).status).toBe(200);
		expect((await api('GET', '/utils/random/string')).status).toBe(200);
		expect(
			(
				await graphql(
					'/graphql/system',
					'mutation { utils_hash_generate(string: "staff") }',
					directusUnderTest().adminToken,
				)
			).body.data,
		).toMatchObject({ utils_hash_generate: expect.any(String) });
	});
});

describe('Guessing passwords', () => {
	let customer: number;
	let staff: { email: string; password: string };

	beforeAll(async () => {
		customer = (await createRow('customers', { name: uniqueName('Guessing') })).id;
		const role = (await adminRead<{ role: string }>('/users/me?fields=role'))?.role;
		staff = { email: `staff-${randomBytes(6).toString('hex')}@example.com`, password: randomBytes(12).toString('hex') };
		expect((await api('POST', '/users', { body: { ...staff, role, status: 'active' } })).status).toBe(200);
	});

	test('40 parallel wrong passwords for one contact: five reach Directus, the rest get 429 with Retry-After, the account stays active, and the lock ends by itself', async () => {
		const contact = await createPortalContact(customer, 'Basic');
		const from = otherClientAddress();
		const guesses = await Promise.all(
			Array.from({ length: 40 }, (_, index) => signInFrom(from, contact.email, `wrong-password-${index}`)),
		);
		expect({ refused: count(guesses, 401), limited: count(guesses, 429) }).toEqual({
			refused: perAccount,
			limited: 40 - perAccount,
		});
		const limited = guesses.find((response) => response.status === 429) as RawResponse;
		expect(codeIn(limited)).toBe('TOO_MANY_SIGN_IN_ATTEMPTS');
		const retryAfter = Number(limited.headers['retry-after']);
		expect(retryAfter).toBeGreaterThanOrEqual(1);
		expect(retryAfter).toBeLessThanOrEqual(3);

		// Locked where the guesses come from: the right password waits there, nobody was suspended, and the
		// owner signing in from elsewhere is not locked out by someone else's guesses.
		expect((await signInFrom(from, contact.email, contact.password)).status).toBe(429);
		expect((await adminRead<{ status: string }>(`/users/${contact.userId}?fields=status`))?.status).toBe('active');
		expect((await signInFrom(otherClientAddress(), contact.email, contact.password)).status).toBe(200);
		await sleep(retryAfter * 1000 + 200);
		expect((await signInFrom(from, contact.email, contact.password)).status).toBe(200);
	});

	test('Guesses at one account from several addresses lock it everywhere before Directus would suspend it, and the lock ends by itself', async () => {
		const contact = await createPortalContact(customer, 'Basic');
		const addresses = Array.from({ length: perAccountEverywhere / perAccount }, () => otherClientAddress());
		const guesses = await Promise.all(
			addresses.flatMap((from) =>
				Array.from({ length: perAccount }, (_, index) => signInFrom(from, contact.email, `wrong-${index}`)),
			),
		);
		expect(count(guesses, 401)).toBe(perAccountEverywhere);
		const locked = await signInFrom(otherClientAddress(), contact.email, contact.password);
		expect(locked.status).toBe(429);
		expect((await adminRead<{ status: string }>(`/users/${contact.userId}?fields=status`))?.status).toBe('active');
		await sleep(Number(locked.headers['retry-after']) * 1000 + 200);
		expect((await signInFrom(otherClientAddress(), contact.email, contact.password)).status).toBe(200);
	});

	test('A contact, a staff account and an unknown address are limited alike: the sixth attempt is refused with the same answer', async () => {
		const contact = await createPortalContact(customer, 'Basic');
		const answersFor = async (email: string) => {
			const from = otherClientAddress();
			const tries = await Promise.all(
				Array.from({ length: perAccount }, () => signInFrom(from, email, 'not-the-password')),
			);
			const sixth = await signInFrom(from, email, 'not-the-password');
			return [...tries.map((response) => `${response.status} ${response.text}`), `${sixth.status} ${codeIn(sixth)}`];
		};
		const [contactAnswers, ...others] = await Promise.all(
			[contact.email, staff.email, unknownAddress()].map(answersFor),
		);
		for (const list of others) expect(list).toEqual(contactAnswers);
		expect(new Set(contactAnswers?.slice(0, perAccount))).toEqual(
			new Set([
				`401 ${JSON.stringify({ errors: [{ message: 'Invalid user credentials.', extensions: { code: 'INVALID_CREDENTIALS' } }] })}`,
			]),
		);
		expect(contactAnswers?.[perAccount]).toBe('429 TOO_MANY_SIGN_IN_ATTEMPTS');
		expect(
			(
				await adminRead<{ status: string }[]>(
					`/users?filter[email][_eq]=${encodeURIComponent(staff.email)}&fields=status`,
				)
			)?.[0]?.status,
		).toBe('active');
	});

	test('A successful sign-in starts the account’s count again', async () => {
		const contact = await createPortalContact(customer, 'Basic');
		const from = otherClientAddress();
		const wrong = (times: number) =>
			Promise.all(Array.from({ length: times }, () => signInFrom(from, contact.email, 'not-the-password')));
		expect(count(await wrong(perAccount - 1), 401)).toBe(perAccount - 1);
		expect((await signInFrom(from, contact.email, contact.password)).status).toBe(200);
		// Five more failures are answered as failures, and the sixth is the one refused.
		expect(count(await wrong(perAccount), 401)).toBe(perAccount);
		expect((await wrong(1)).map((response) => response.status)).toEqual([429]);
	});

	test('One address guessing at many accounts is refused after its own limit; other addresses are still served', async () => {
		const from = otherClientAddress();
		const guesses = await Promise.all(
			Array.from({ length: perAddress + 1 }, () => signInFrom(from, unknownAddress(), 'not-the-password')),
		);
		expect({ refused: count(guesses, 401), limited: count(guesses, 429) }).toEqual({ refused: perAddress, limited: 1 });
		const contact = await createPortalContact(customer, 'Basic');
		expect((await signInFrom(from, contact.email, contact.password)).status).toBe(429);
		expect((await signInFrom(otherClientAddress(), contact.email, contact.password)).status).toBe(200);
	});

	test('GraphQL auth_login counts the same, each guess of a request holding several included', async () => {
		const contact = await createPortalContact(customer, 'Basic');
		const graphqlFrom = (localAddress: string, query: string, variables: Record<string, unknown> = {}) =>
			rawRequest('POST', '/graphql/system', {
				localAddress,
				headers: json,
				body: JSON.stringify({ query, variables }),
			});
		// Six guesses under aliases in one request: refused as a whole, none reaches Directus.
		const batch = Array.from(
			{ length: perAccount + 1 },
			(_, index) => `g${index}: auth_login(email: "${contact.email}", password: "guess-${index}") { access_token }`,
		).join('\n');
		const guesser = otherClientAddress();
		const batched = await graphqlFrom(guesser, `mutation {\n${batch}\n}`);
		expect(batched.status).toBe(429);
		expect(codeIn(batched)).toBe('TOO_MANY_SIGN_IN_ATTEMPTS');
		// The account is locked for REST too from that address, and the e-mail given as a variable counts the same.
		expect((await signInFrom(guesser, contact.email, contact.password)).status).toBe(429);
		const byVariable = await graphqlFrom(
			guesser,
			'mutation Login($email: String!, $password: String!) { auth_login(email: $email, password: $password) { access_token } }',
			{ email: contact.email.toUpperCase(), password: contact.password },
		);
		expect(byVariable.status).toBe(429);
		expect((await adminRead<{ status: string }>(`/users/${contact.userId}?fields=status`))?.status).toBe('active');
		await sleep(Number(byVariable.headers['retry-after']) * 1000 + 200);
		const signedIn = await graphqlFrom(
			guesser,
			'mutation Login($email: String!, $password: String!) { auth_login(email: $email, password: $password) { access_token } }',
			{ email: contact.email, password: contact.password },
		);
		expect(signedIn.status).toBe(200);
		expect(signedIn.text).toContain('access_token');
	});
});

describe('Mail floods', () => {
	test('Eight password-reset requests for one address are all answered 204, alike for an unknown one, and send three mails', async () => {
		const contact = await createPortalContact(world.customerA, 'Basic');
		const resetUrl = `${directusUnderTest().url}/portal/reset-password`;
		const from = otherClientAddress();
		const request = (email: string) =>
			rawRequest('POST', '/auth/password/request', {
				localAddress: from,
				headers: json,
				body: JSON.stringify({ email, reset_url: resetUrl }),
			});
		const responses = await Promise.all(
			[contact.email, unknownAddress()].flatMap((email) => Array.from({ length: 8 }, () => request(email))),
		);
		expect(new Set(responses.map((response) => `${response.status} ${response.text}`))).toEqual(new Set(['204 ']));
		await waitForMail(directusUnderTest().mailFolder, contact.email, { count: 3 });
		await sleep(1_000);
		expect(await mailsTo(directusUnderTest().mailFolder, contact.email)).toHaveLength(3);
	});

	test('Team invitations: three an hour to one address, ten an hour from one client administrator', async () => {
		const customer = (await createRow('customers', { name: uniqueName('Team flood') })).id;
		const admin = await createPortalContact(customer, 'Administrator');
		const token = await tokenOf(admin);
		const colleagues = await createRows(
			'contacts',
			Array.from({ length: 8 }, (_, index) => ({
				customer,
				last_name: `Colleague ${index}`,
				email: `${randomBytes(6).toString('hex')}@team.example.com`,
			})),
		);
		const invite = async (id: number) => (await api('POST', `/portal/api/team/${id}/invitation`, { token })).status;
		const first = colleagues[0]?.id as number;
		const statuses = [];
		for (let attempt = 0; attempt < 4; attempt++) statuses.push(await invite(first));
		expect(statuses).toEqual([201, 201, 201, 429]);
		// Four counted so far for this administrator; six more go out, the next is refused.
		const others = [];
		for (const colleague of colleagues.slice(1)) others.push(await invite(colleague.id));
		expect(others).toEqual([201, 201, 201, 201, 201, 201, 429]);
		// Another customer's administrator has an allowance of their own.
		const otherCustomer = (await createRow('customers', { name: uniqueName('Team other') })).id;
		const otherAdmin: PortalContact = await createPortalContact(otherCustomer, 'Administrator');
		const stranger = (
			await createRow('contacts', {
				customer: otherCustomer,
				last_name: 'New',
				email: `${randomBytes(6).toString('hex')}@team.example.com`,
			})
		).id;
		expect(
			(await api('POST', `/portal/api/team/${stranger}/invitation`, { token: await tokenOf(otherAdmin) })).status,
		).toBe(201);
	});
});

describe('Self sign-up tells nobody who is a customer', () => {
	test('A customer’s domain and an unknown one are answered as fast, and the customer’s still gets its mail', async () => {
		await api('PATCH', '/items/portal_settings', { body: { self_signup: 'matching_domain' } });
		try {
			const domain = `${randomBytes(4).toString('hex')}.client.example.com`;
			await createRow('customers', { name: uniqueName('Sign-up timing'), email_domains: [domain] });
			const from = otherClientAddress();
			const signUp = (email: string) =>
				timed(() =>
					rawRequest('POST', '/portal/api/signup', {
						localAddress: from,
						headers: json,
						body: JSON.stringify({ email, first_name: 'T', last_name: 'Timing' }),
					}),
				);
			const samples: Record<'customer' | 'unknown', number[]> = { customer: [], unknown: [] };
			let lastCustomerAddress = '';
			for (let round = 0; round < 7; round++) {
				lastCustomerAddress = `${randomBytes(5).toString('hex')}@${domain}`;
				for (const [label, email] of [
					['customer', lastCustomerAddress],
					['unknown', `${randomBytes(5).toString('hex')}@unknown-${randomBytes(4).toString('hex')}.example.org`],
				] as const) {
					const { result, ms } = await signUp(email);
					expect(result.status).toBe(202);
					samples[label].push(ms);
					// Let the work behind the answer finish, so one sample does not wait for the last one's.
					await sleep(250);
				}
			}
			const [customerMs, unknownMs] = [median(samples.customer), median(samples.unknown)];
			expect(
				Math.abs(customerMs - unknownMs),
				`medians: customer ${customerMs.toFixed(0)} ms, unknown ${unknownMs.toFixed(0)} ms`,
			).toBeLessThan(60);
			expect((await waitForMail(directusUnderTest().mailFolder, lastCustomerAddress)).subject).toBeTruthy();
		} finally {
			await api('PATCH', '/items/portal_settings', { body: { self_signup: 'off' } });
		}
	});
});

describe('Uploads without Content-Length', () => {
	test('A chunked upload over the limit is answered 413 like a declared one, and leaves no file; a small one is attached', async () => {
		const path = (name: string) => `/portal/api/tickets/${world.attackerTicket}/attachments?filename=${name}`;
		const headers = { 'Authorization': `Bearer ${world.attackerToken}`, 'Content-Type': 'text/plain' };
		const name = `${randomBytes(4).toString('hex')}-big.txt`;
		const large = await rawRequest('POST', path(name), {
			headers,
			body: Buffer.alloc(11 * 1024 * 1024, 'a'),
			chunked: true,
		});
		expect({ status: large.status, code: codeIn(large) }).toEqual({ status: 413, code: 'UPLOAD_TOO_LARGE' });
		expect(await adminRead(`/files?filter[title][_eq]=${name}&fields=id`)).toEqual([]);
		const small = await rawRequest('POST', path('small.txt'), { headers, body: 'a small note', chunked: true });
		expect(small.status).toBe(201);
	});
});
