/**
 * Availability and abuse, as an outsider would try them: a contact's /utils export holding the database
 * for everyone, guessing passwords until an account is suspended (REST and GraphQL, in parallel, many
 * guesses in one request), flooding an inbox with password resets or team invitations, timing self
 * sign-up to learn who is a customer, and a chunked upload over the size limit.
 *
 * The test Directus runs with PORTAL_LOGIN_LIMIT_PER_IP=40, PORTAL_LOGIN_WINDOW_SECONDS=10,
 * PORTAL_LOGIN_LOCK_SECONDS=3 and PORTAL_TEAM_LIMIT_PER_USER=10 (see global-setup.ts); the per-account
 * limit (5) and the per-address reset limit (3) are the defaults.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { mailsTo, waitForMail } from '../../scripts/lib/mail-sink.ts';
import { api, createRow, createRows, directusUnderTest } from '../support/directus-under-test.ts';
import { createPortalContact, tokenOf, uniqueName, type PortalContact } from '../support/portal-users.ts';
import { median, timed } from '../support/timing.ts';
import { adminRead, createAttackWorld, otherClientAddress, rawRequest, type AttackWorld, type RawResponse } from './attack-world.ts';

const perAccount = 5;
const perAddress = 40;
const unknownAddress = () => `${randomBytes(6).toString('hex')}@portal.example.com`;
const json = { 'Content-Type': 'application/json' };
const codeIn = (response: RawResponse) => (JSON.parse(response.text || '{}') as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A sign-in from `localAddress`, as any client would send it. */
const signInFrom = (localAddress: string, email: string, password: string) => rawRequest('POST', '/auth/login', { localAddress, headers: json, body: JSON.stringify({ email, password }) });

const count = (responses: RawResponse[], status: number) => responses.filter((response) => response.status === status).length;

let world: AttackWorld;

beforeAll(async () => {
	world = await createAttackWorld();
});

describe('/utils for portal users', () => {
	test('Export, import, sort, revert, hashing and cache clear are refused to a contact before any work, and staff are not kept waiting', async () => {
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
			expect({ path, status: response.status, code: response.body.errors?.[0]?.extensions?.code }).toEqual({ path, status: 403, code: 'UTILS_REFUSED' });
		}
		expect((await staffRead).status).toBe(200);
		// Nothing was exported: staff's own request right after is answered at once.
		const { result, ms } = await timed(() => api('GET', '/items/tickets?limit=1&fields=id'));
		expect(result.status).toBe(200);
		expect(ms, `a staff read took ${ms.toFixed(0)} ms`).toBeLessThan(5_000);
		expect(await adminRead(`/notifications?filter[recipient][_eq]=${world.attacker.userId}&fields=subject`)).toEqual([]);
		// Staff keep them.
		expect((await api('POST', '/utils/hash/generate', { body: { string: 'staff' } })).status).toBe(200);
		expect((await api('GET', '/utils/random/string')).status).toBe(200);
	});
});

describe('Self sign-up tells nobody who is a customer', () => {
	test('A customer’s domain and an unknown one are answered as fast, and the customer’s still gets its mail', async () => {
		await api('PATCH', '/items/portal_settings', { body: { self_signup: 'matching_domain' } });
		try {
			const domain = `${randomBytes(4).toString('hex')}.client.example.com`;
			await createRow('customers', { name: uniqueName('Sign-up timing'), email_domains: [domain] });
			const from = otherClientAddress();
			const signUp = (email: string) => timed(() => rawRequest('POST', '/portal/api/signup', { localAddress: from, headers: json, body: JSON.stringify({ email, first_name: 'T', last_name: 'Timing' }) }));
			const samples: Record<'customer' | 'unknown', number[]> = { customer: [], unknown: [] };
			let lastCustomerAddress = '';
			for (let round = 0; round < 7; round++) {
				lastCustomerAddress = `${randomBytes(5).toString('hex')}@${domain}`;
				for (const [label, email] of [['customer', lastCustomerAddress], ['unknown', `${randomBytes(5).toString('hex')}@unknown-${randomBytes(4).toString('hex')}.example.org`]] as const) {
					const { result, ms } = await signUp(email);
					expect(result.status).toBe(202);
					samples[label].push(ms);
					// Let the work behind the answer finish, so one sample does not wait for the last one's.
					await sleep(250);
				}
			}
			const [customerMs, unknownMs] = [median(samples.customer), median(samples.unknown)];
			expect(Math.abs(customerMs - unknownMs), `medians: customer ${customerMs.toFixed(0)} ms, unknown ${unknownMs.toFixed(0)} ms`).toBeLessThan(60);
			expect((await waitForMail(directusUnderTest().mailFolder, lastCustomerAddress)).subject).toBeTruthy();
		} finally {
			await api('PATCH', '/items/portal_settings', { body: { self_signup: 'off' } });
		}
	});
});

describe('Uploads without Content-Length', () => {
	test('A chunked upload over the limit is answered 413 like a declared one, and leaves no file; a small one is attached', async () => {
		const path = (name: string) => `/portal/api/tickets/${world.attackerTicket}/attachments?filename=${name}`;
		const headers = { Authorization: `Bearer ${world.attackerToken}`, 'Content-Type': 'text/plain' };
		const name = `${randomBytes(4).toString('hex')}-big.txt`;
		const large = await rawRequest('POST', path(name), { headers, body: Buffer.alloc(11 * 1024 * 1024, 'a'), chunked: true });
		expect({ status: large.status, code: codeIn(large) }).toEqual({ status: 413, code: 'UPLOAD_TOO_LARGE' });
		expect(await adminRead(`/files?filter[title][_eq]=${name}&fields=id`)).toEqual([]);
		const small = await rawRequest('POST', path('small.txt'), { headers, body: 'a small note', chunked: true });
		expect(small.status).toBe(201);
	});
});
