/**
 * Two Directus instances on one PostgreSQL database and one Redis, as a team runs the portal when it
 * outgrows one server: what one instance writes, the other enforces on its very next request; invitation
 * links work on any instance; the public routes' limits count across instances. And the faults: both
 * instances editing one group at once, and Redis going away under them.
 * Runs on PostgreSQL and Redis whatever PORTAL_TEST_DB says (the cluster has its own database).
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import knex from 'knex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { canonicalJson } from '../../src/directus/canonical-json.ts';
import { compileGroup } from '../../src/compiler/compile-group.ts';
import { normalizeGroupPermissions } from '../../src/groups/normalize-group-permissions.ts';
import { ledgerTable } from '../../src/install/migration-ledger.ts';
import { latestSchemaVersion } from '../../src/install/schema-migrations.ts';
import { mailsTo, waitForMail } from '../../scripts/lib/mail-sink.ts';
import { createPublicRateLimits } from '../../src/rate-limit/public-rate-limits.ts';
import { sharedRedis } from '../../src/rate-limit/shared-redis.ts';
import {
	type ClusterInstance,
	createDirectusCluster,
	type DirectusCluster,
	startRedisServer,
} from '../support/directus-cluster.ts';
import { eventually } from '../support/eventually.ts';

interface Answer<T> {
	status: number;
	body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
}

let cluster: DirectusCluster;
let a: ClusterInstance;
let b: ClusterInstance;

/** One HTTP call to one instance; `token: null` sends no credentials, the default is the admin token. */
async function call<T = unknown>(
	instance: { url: string },
	method: string,
	path: string,
	{ token = cluster.adminToken, body }: { token?: string | null; body?: unknown } = {},
): Promise<Answer<T>> {
	const response = await fetch(`${instance.url}${path}`, {
		method,
		headers: {
			...(token ? { Authorization: `Bearer ${token}` } : {}),
			...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
		},
		...(body === undefined ? {} : { body: JSON.stringify(body) }),
	});
	const text = await response.text();
	return { status: response.status, body: text ? (JSON.parse(text) as Answer<T>['body']) : {} };
}

async function created<T extends object = { id: number }>(
	instance: { url: string },
	collection: string,
	data: Record<string, unknown>,
): Promise<T> {
	const answer = await call<T>(instance, 'POST', `/items/${collection}`, { body: data });
	if (answer.status !== 200 || !answer.body.data)
		throw new Error(`Could not create ${collection}: ${JSON.stringify(answer.body)}`);
	return answer.body.data;
}

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/** A contact with a login in `group`, created through `instance`, and its access token from `signInOn`. */
async function portalContact(instance: ClusterInstance, customer: number, group: number, signInOn: ClusterInstance) {
	const email = `${unique('contact')}@portal.example.com`;
	const password = randomBytes(12).toString('hex');
	const user = await call<{ id: string }>(instance, 'POST', '/users', { body: { email, password, status: 'active' } });
	const contact = await created(instance, 'contacts', {
		customer,
		last_name: 'Contact',
		email,
		user: user.body.data?.id,
		portal_group: group,
	});
	const login = await call<{ access_token: string }>(signInOn, 'POST', '/auth/login', {
		token: null,
		body: { email, password },
	});
	const token = login.body.data?.access_token;
	if (!token) throw new Error(`${email} could not sign in: ${JSON.stringify(login.body)}`);
	return { id: contact.id, email, token };
}

async function ticketIds(instance: ClusterInstance, token: string): Promise<number[] | number> {
	const answer = await call<{ id: number }[]>(instance, 'GET', '/items/tickets?fields=id&sort=id', { token });
	return answer.status === 200 ? (answer.body.data ?? []).map((row) => row.id) : answer.status;
}

/** The group's policy rows as stored, and as its stored catalogue compiles: both as sorted canonical JSON. */
async function policyAgainstCatalogue(instance: ClusterInstance, groupId: number) {
	const group = (
		await call<{ permissions: Record<string, unknown>; policy: string }>(
			instance,
			'GET',
			`/items/portal_groups/${groupId}?fields=permissions,policy`,
		)
	).body.data;
	const settings = (
		await call<{ parent_visibility: boolean }>(instance, 'GET', '/items/portal_settings?fields=parent_visibility')
	).body.data;
	if (!group || !settings) throw new Error('Could not read the group or the portal settings');
	const stored =
		(
			await call<Record<string, unknown>[]>(
				instance,
				'GET',
				`/permissions?filter[policy][_eq]=${group.policy}&limit=-1&fields=collection,action,permissions,validation,presets,fields`,
			)
		).body.data ?? [];
	// PostgreSQL, which keeps tickets' customer paths.
	const expected = compileGroup(normalizeGroupPermissions(group.permissions), {
		parentVisibility: settings.parent_visibility,
		ticketCustomerPaths: true,
	});
	const shape = (row: Record<string, unknown>) =>
		canonicalJson([
			row['collection'],
			row['action'],
			row['permissions'] ?? null,
			row['validation'] ?? null,
			row['presets'] ?? null,
			row['fields'] ?? null,
		]);
	return {
		stored: stored.map(shape).sort(),
		expected: expected.map((row) => shape(row as unknown as Record<string, unknown>)).sort(),
	};
}

beforeAll(async () => {
	cluster = await createDirectusCluster({
		env: { PORTAL_PUBLIC_LIMIT_PER_IP: '4', PORTAL_PUBLIC_LIMIT_PER_EMAIL: '3' },
	});
	// Started together, as a deployment starts its instances: one installs the schema, the other waits for it.
	[a, b] = await Promise.all([cluster.startInstance(), cluster.startInstance()]);
}, 300_000);

afterAll(async () => {
	await cluster?.stop();
}, 60_000);

describe('Two instances behind one Redis', () => {
	test('Instances starting together install the schema once: one applies it, the other finds it done', async () => {
		const { client, ...connection } = cluster.database;
		const db = knex({ client, connection });
		try {
			expect(
				((await db(ledgerTable).select('version')) as { version: number }[]).map(({ version }) => Number(version)),
			).toEqual([latestSchemaVersion]);
		} finally {
			await db.destroy();
		}
		const logs = await Promise.all([a, b].map(async ({ logFile }) => readFile(logFile, 'utf8')));
		expect(logs.map((log) => log.includes('applied schema version')).filter(Boolean)).toHaveLength(1);
		for (const instance of [a, b])
			expect(
				(await call<{ status: string }>(instance, 'GET', '/portal/api/health', { token: null })).body,
			).toMatchObject({ status: 'ok' });
	});

	test('A group edit made through instance A is enforced on the very next request to instance B', async () => {
		const customer = await created(a, 'customers', { name: unique('Client') });
		const group = await created(a, 'portal_groups', { name: unique('Edited'), permissions: { 'tickets.view': 'own' } });
		const contact = await portalContact(a, customer.id, group.id, b);
		const ticket = await created(a, 'tickets', { customer: customer.id, subject: 'A colleague’s ticket' });
		expect(await ticketIds(b, contact.token)).toEqual([]);

		for (let round = 0; round < 5; round++) {
			expect(
				(
					await call(a, 'PATCH', `/items/portal_groups/${group.id}`, {
						body: { permissions: { 'tickets.view': 'customer' } },
					})
				).status,
			).toBe(200);
			expect(await ticketIds(b, contact.token)).toEqual([ticket.id]);
			expect(
				(
					await call(a, 'PATCH', `/items/portal_groups/${group.id}`, {
						body: { permissions: { 'tickets.view': 'own' } },
					})
				).status,
			).toBe(200);
			expect(await ticketIds(b, contact.token)).toEqual([]);
		}
		// And the other way round, to a group that grants nothing.
		expect((await call(b, 'PATCH', `/items/portal_groups/${group.id}`, { body: { permissions: {} } })).status).toBe(
			200,
		);
		expect(await ticketIds(a, contact.token)).toBe(403);
	});

	test('An invitation created on instance A is looked up and accepted on instance B', async () => {
		const customer = await created(a, 'customers', { name: unique('Invited') });
		const email = `${unique('invitee')}@client.example.com`;
		const contact = await created(a, 'contacts', {
			customer: customer.id,
			first_name: 'Ivy',
			last_name: 'Invitee',
			email,
		});
		const invitation = await call<{ email_status: string }>(a, 'POST', '/portal/api/invitations', {
			body: { contact: contact.id },
		});
		expect(invitation.status).toBe(201);
		const mail = await waitForMail(cluster.mailFolder, email);
		const token = /accept-invitation\?token=([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
		expect(token).toBeDefined();

		expect(
			(await call<{ valid: boolean }>(b, 'GET', `/portal/api/invitations/lookup?token=${token}`, { token: null })).body
				.data?.valid,
		).toBe(true);
		expect(
			(
				await call(b, 'POST', '/portal/api/invitations/accept', {
					token: null,
					body: { token, password: 'a-good-long-password' },
				})
			).status,
		).toBe(200);
		// Used once, on B: refused on A too.
		expect(
			(
				await call(a, 'POST', '/portal/api/invitations/accept', {
					token: null,
					body: { token, password: 'another-password-2' },
				})
			).status,
		).toBe(400);
		expect(
			(await call(a, 'POST', '/auth/login', { token: null, body: { email, password: 'a-good-long-password' } })).status,
		).toBe(200);
	});

	test('Mails queued on both instances at once reach each address exactly once', async () => {
		const customers = await Promise.all(
			[a, b].map((instance) => created(instance, 'customers', { name: unique('Mailed') })),
		);
		const addresses: string[] = [];
		for (const [index, customer] of customers.entries())
			for (let person = 0; person < 5; person += 1) {
				const email = `${unique(`mailed-${index}-${person}`)}@client.example.com`;
				addresses.push(email);
				await created(a, 'contacts', { customer: customer.id, last_name: 'Mailed', email });
			}
		// Each instance queues five and starts sending at once, from the one outbox.
		const invited = await Promise.all(
			[a, b].map((instance, index) =>
				call<{ outbox?: number }[]>(instance, 'POST', '/portal/api/invitations', {
					body: { customer: customers[index]?.id },
				}),
			),
		);
		expect(invited.map((answer) => answer.status)).toEqual([201, 201]);
		const outbox = invited.flatMap((answer) => (answer.body.data ?? []).map((row) => Number(row.outbox)));
		expect(outbox).toHaveLength(10);
		for (const email of addresses) await waitForMail(cluster.mailFolder, email);
		// Both instances' scheduled runs and leftovers have had their turn: still one each.
		await new Promise((done) => setTimeout(done, 4_000));
		for (const email of addresses) expect(await mailsTo(cluster.mailFolder, email), email).toHaveLength(1);
		const { client, ...connection } = cluster.database;
		const db = knex({ client, connection, pool: { min: 0, max: 1 } });
		try {
			const rows = (await db('portal_outbox').select('status', 'attempts').whereIn('id', outbox)) as {
				status: string;
				attempts: number;
			}[];
			expect(rows.map((row) => `${row.status}/${row.attempts}`)).toEqual(Array(10).fill('sent/1'));
		} finally {
			await db.destroy();
		}
	});

	test('The public routes’ limits count requests on both instances together', async () => {
		expect((await call(a, 'PATCH', '/items/portal_settings', { body: { access_mode: 'public' } })).status).toBe(200);
		const request = (instance: ClusterInstance) =>
			call(instance, 'POST', '/portal/api/public/requests', {
				token: null,
				body: { name: 'Visitor', email: `${unique('visitor')}@example.com`, subject: 'Hello' },
			});
		// Four an hour from one address (PORTAL_PUBLIC_LIMIT_PER_IP), two on each instance.
		expect([
			(await request(a)).status,
			(await request(b)).status,
			(await request(a)).status,
			(await request(b)).status,
		]).toEqual([202, 202, 202, 202]);
		const fifth = await request(a);
		expect(fifth.status).toBe(429);
		expect(fifth.body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_PUBLIC_REQUESTS');
		expect((await request(b)).status).toBe(429);
	});

	test('Concurrent edits of one group from both instances leave its policy exactly as its stored catalogue compiles', async () => {
		const group = await created(a, 'portal_groups', {
			name: unique('Contended'),
			permissions: { 'tickets.view': 'own' },
		});
		const catalogues = [
			{ 'tickets.view': 'customer', 'tickets.create': true, 'kb.view': true },
			{ 'tickets.view': 'customer_tree', 'projects.view': 'customer', 'invoices.view': true },
			{ 'tickets.view': 'own', 'devices.access': 'view', 'devices.scope': 'all' },
			{ 'kb.view': true, 'docs.view': true },
		];
		for (let round = 0; round < 4; round++) {
			const edits = catalogues.map((permissions, index) =>
				call(index % 2 === 0 ? a : b, 'PATCH', `/items/portal_groups/${group.id}`, { body: { permissions } }),
			);
			const statuses = (await Promise.all(edits)).map((answer) => answer.status);
			expect(statuses.every((status) => status === 200)).toBe(true);
			await eventually(async () => {
				const { stored, expected } = await policyAgainstCatalogue(b, group.id);
				expect(stored).toEqual(expected);
			});
			catalogues.push(catalogues.shift() as (typeof catalogues)[number]);
		}
	});
});

describe('When Redis stops under two instances', () => {
	let redis: Awaited<ReturnType<typeof startRedisServer>>;

	beforeAll(async () => {
		// The machine's Redis is shared: from here on the instances use a Redis of their own, stopped on purpose.
		await Promise.all([a.stop(), b.stop()]);
		redis = await startRedisServer();
	}, 60_000);

	afterAll(async () => {
		await redis?.stop();
	});

	const answers = (instance: ClusterInstance) =>
		fetch(`${instance.url}/server/ping`).then(
			(response) => response.ok,
			() => false,
		);

	test('Directus 11 instances exit when Redis goes away (serving nothing stale), and work again once it is back', async () => {
		const c = await cluster.startInstance(redis);
		const d = await cluster.startInstance(redis);
		const customer = await created(c, 'customers', { name: unique('Client') });
		const group = await created(c, 'portal_groups', { name: unique('Edited'), permissions: { 'tickets.view': 'own' } });
		const contact = await portalContact(c, customer.id, group.id, d);
		const ticket = await created(c, 'tickets', { customer: customer.id, subject: 'A colleague’s ticket' });
		expect(await ticketIds(d, contact.token)).toEqual([]);

		await redis.stop();
		// Directus's own Redis client gives up after 20 retries and its error is unhandled: the process exits.
		await eventually(async () => expect([await answers(c), await answers(d)]).toEqual([false, false]), {
			timeoutMs: 120_000,
		});

		redis = await startRedisServer(redis.port);
		const c2 = await cluster.startInstance(redis);
		const d2 = await cluster.startInstance(redis);
		expect(
			(
				await call(c2, 'PATCH', `/items/portal_groups/${group.id}`, {
					body: { permissions: { 'tickets.view': 'customer' } },
				})
			).status,
		).toBe(200);
		expect(await ticketIds(d2, contact.token)).toEqual([ticket.id]);
		const { stored, expected } = await policyAgainstCatalogue(d2, group.id);
		expect(stored).toEqual(expected);
		await Promise.all([c2.stop(), d2.stop()]);
	}, 400_000);

	test('The portal’s own limits keep counting in memory while Redis is away, and in Redis again once it is back', async () => {
		const client = sharedRedis({ host: redis.host, port: redis.port });
		const limits = () => createPublicRateLimits({ name: unique('limits'), perIp: 2, perEmail: 10, redis: client });
		const first = limits();
		await eventually(async () => expect(client.status).toBe('ready'));
		await first.consume('192.0.2.1', 'one@example.com');
		await redis.stop();
		await eventually(async () => expect(client.status).not.toBe('ready'));
		// Unreachable Redis: each limiter counts on its own, answering at once, never letting a visitor through unlimited.
		await first.consume('192.0.2.1', 'one@example.com');
		await first.consume('192.0.2.1', 'one@example.com');
		await expect(first.consume('192.0.2.1', 'one@example.com')).rejects.toMatchObject({ status: 429 });
		await expect(first.consume('192.0.2.1', 'one@example.com')).rejects.toMatchObject({ status: 429 });
		redis = await startRedisServer(redis.port);
		await eventually(async () => expect(client.status).toBe('ready'), { timeoutMs: 30_000 });
		// Back in Redis: two limiters of one name (two instances) share the count again.
		const name = unique('after');
		const [here, there] = [
			createPublicRateLimits({ name, perIp: 2, perEmail: 10, redis: client }),
			createPublicRateLimits({ name, perIp: 2, perEmail: 10, redis: client }),
		];
		await here.consume('192.0.2.1', 'one@example.com');
		await there.consume('192.0.2.1', 'two@example.com');
		await expect(here.consume('192.0.2.1', 'three@example.com')).rejects.toMatchObject({ status: 429 });
		client.disconnect();
	}, 120_000);
});
