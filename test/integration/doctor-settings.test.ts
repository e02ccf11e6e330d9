/**
 * The doctor against real start-ups: Directus started with each unsafe setting keeps the portal closed —
 * no portal sign-in, no portal route, no answer to a session a contact already holds — and the same
 * installation started safely again opens it.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knex from 'knex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	bootstrap,
	type DirectusInstanceOptions,
	freePort,
	installBundle,
	mailSinkEnv,
	type RunningDirectus,
	startDirectus,
	throwAwayInstanceOptions,
} from '../../scripts/lib/directus-instance.ts';
import { startMailSink, waitForMail } from '../../scripts/lib/mail-sink.ts';
import { productSnapshot } from '../../src/install/product-schema.ts';
import { apiAt } from '../support/directus-under-test.ts';
import { eventually } from '../support/eventually.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let folder: string;
let database: TestDatabase;
let options: DirectusInstanceOptions;
let running: RunningDirectus | null = null;
const adminToken = randomBytes(24).toString('hex');
const contact = {
	email: `${randomBytes(6).toString('hex')}@doctor.example.com`,
	password: randomBytes(12).toString('hex'),
};

const call = apiAt(
	() => running?.url ?? '',
	() => adminToken,
);

/** Starts the installation with `env` on top of the safe settings and waits for the doctor's first verdict. */
async function start(env: Record<string, string> = {}): Promise<void> {
	await running?.stop();
	running = await startDirectus({ ...options, env: { ...options.env, ...env } }, { timeoutMs: 120_000 });
	await eventually(async () =>
		expect((await call<{ checked_at: string | null }>('GET', '/portal/api/doctor')).body.data?.checked_at).toBeTruthy(),
	);
}

const health = async () => (await call('GET', '/portal/api/health', { token: null })).body['status'];
const signIn = () => call<{ access_token: string }>('POST', '/auth/login', { token: null, body: contact });
const findingIds = async () =>
	(
		(await call<{ findings: { id: string; severity: string }[] }>('GET', '/portal/api/doctor')).body.data?.findings ??
		[]
	).map((finding) => `${finding.severity}:${finding.id}`);

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'portal-doctor-'));
	database = await createTestDatabase(folder);
	options = throwAwayInstanceOptions(folder, database.config, await freePort(), { ADMIN_TOKEN: adminToken });
	await installBundle(folder);
	await bootstrap(options);
	await start();
	const customer = await call<{ id: number }>('POST', '/items/customers', { body: { name: 'Doctor client' } });
	const user = await call<{ id: string }>('POST', '/users', { body: { ...contact, status: 'active' } });
	await call('POST', '/items/contacts', {
		body: { customer: customer.body.data?.id, last_name: 'Contact', email: contact.email, user: user.body.data?.id },
	});
	await eventually(async () => expect((await signIn()).status).toBe(200));
}, 600_000);

afterAll(async () => {
	await running?.stop();
	await database?.drop();
	if (folder) await rm(folder, { recursive: true, force: true });
});

describe('The doctor at start-up', () => {
	const unsafe: [string, Record<string, string>, string][] = [
		[
			'WebSockets for REST with the "public" auth mode (GHSA-97xr-jchp-xm3c)',
			{ WEBSOCKETS_ENABLED: 'true', WEBSOCKETS_REST_ENABLED: 'true', WEBSOCKETS_REST_AUTH: 'public' },
			'critical:websockets-rest-public-auth',
		],
		[
			'WebSockets for GraphQL with the "public" auth mode (GHSA-97xr-jchp-xm3c)',
			{ WEBSOCKETS_ENABLED: 'true', WEBSOCKETS_GRAPHQL_ENABLED: 'true', WEBSOCKETS_GRAPHQL_AUTH: 'public' },
			'critical:websockets-graphql-public-auth',
		],
		[
			'the data cache on, even with purging (GHSA-c6w9-5g5j-jh2p)',
			{ CACHE_ENABLED: 'true', CACHE_AUTO_PURGE: 'true', CACHE_STORE: 'memory' },
			'critical:data-cache-on',
		],
	];

	test.each(unsafe)(
		'Keeps the portal closed when Directus starts with %s, and opens it once started safely',
		async (_name, env, finding) => {
			await start(env);
			expect(await findingIds()).toContain(finding);
			expect(await health()).toBe('closed');
			const refused = await signIn();
			expect(refused.status).toBe(503);
			expect(refused.body.errors?.[0]?.extensions?.code).toBe('PORTAL_CLOSED');
			expect((await call('GET', '/portal/api/me', { token: null })).status).toBe(503);

			await start();
			expect(await findingIds()).not.toContain(finding);
			expect(await health()).toBe('ok');
			expect((await signIn()).status).toBe(200);
		},
		300_000,
	);

	test('Warns, and keeps the portal open, when IP_TRUST_PROXY is true', async () => {
		await start({ IP_TRUST_PROXY: 'true' });
		expect(await findingIds()).toContain('warning:ip-trust-proxy');
		expect(await health()).toBe('ok');
		expect((await signIn()).status).toBe(200);
		await start();
		expect(await findingIds()).not.toContain('warning:ip-trust-proxy');
	}, 300_000);

	test('Closes the portal to sessions already held when Directus’s own public registration is switched on, and opens it when switched off', async () => {
		await start();
		const token = (await signIn()).body.data?.access_token ?? null;
		expect((await call('GET', '/items/tickets?fields=id', { token })).status).toBe(200);
		try {
			expect((await call('PATCH', '/settings', { body: { public_registration: true } })).status).toBe(200);
			await eventually(async () => expect(await health()).toBe('closed'));
			expect(await findingIds()).toContain('critical:public-registration');
			const refused = await call('GET', '/items/tickets?fields=id', { token });
			expect(refused.status).toBe(503);
			expect(refused.body.errors?.[0]?.extensions?.code).toBe('PORTAL_CLOSED');
			expect((await call('GET', '/users/me', { token })).status).toBe(503);
			// Staff still work, to fix it; the portal app's page still loads, to say the portal is closed.
			expect((await call('GET', '/items/tickets?fields=id')).status).toBe(200);
			expect((await fetch(`${running?.url}/portal/`)).status).toBe(200);
		} finally {
			await call('PATCH', '/settings', { body: { public_registration: false } });
		}
		await eventually(async () => expect(await health()).toBe('ok'));
		expect((await call('GET', '/items/tickets?fields=id', { token })).status).toBe(200);
	}, 300_000);

	test('Closes the portal when part of its schema is deleted; the next start adds exactly that back, and its check fills the paths and badges in', async () => {
		await start();
		const parent = await call<{ id: number }>('POST', '/items/customers', { body: { name: 'Upgrade parent' } });
		const child = await call<{ id: number }>('POST', '/items/customers', {
			body: { name: 'Upgrade child', parent: parent.body.data?.id },
		});
		// The contact sees its customer's tickets (the Manager group), which the rules tell by its customer's badge.
		const manager = (await call<{ id: number }[]>('GET', '/items/portal_groups?filter[name][_eq]=Manager&fields=id'))
			.body.data?.[0]?.id;
		const own = (
			await call<{ id: number; customer: number }[]>(
				'GET',
				`/items/contacts?filter[email][_eq]=${contact.email}&fields=id,customer`,
			)
		).body.data?.[0];
		expect((await call('PATCH', `/items/contacts/${own?.id}`, { body: { portal_group: manager } })).status).toBe(200);
		const ticket = (
			await call<{ id: number }>('POST', '/items/tickets', {
				body: { customer: own?.customer, subject: 'Before the upgrade' },
			})
		).body.data?.id;
		// The database as an older version left it: no tree paths, no ticket paths, no badges. (Not without `customers.portal_badge`
		// itself: on SQLite Directus adds that column to an existing table as varchar(36) where a fresh install has
		// char(36), so the dry run below would list that difference; harmless, see README → Installing.)
		const { client, ...connection } = database.config;
		const db = knex({ client, connection, useNullAsDefault: true });
		try {
			// Nor the triggers that keep tickets' customer paths (PostgreSQL): they name the columns removed below.
			if (client === 'pg') {
				for (const trigger of ['portal_ticket_path_insert', 'portal_ticket_path_update'])
					await db.raw(`DROP TRIGGER IF EXISTS ${trigger} ON tickets`);
				await db.raw('DROP TRIGGER IF EXISTS portal_ticket_path_customers_moved ON customers');
			}
			for (const field of ['customers/tree_path', 'directus_policies/portal_tree_path', 'tickets/customer_path'])
				expect((await call('DELETE', `/fields/${field}`)).status, field).toBe(204);
			await db('directus_access')
				.whereIn('policy', db('customers').select('portal_badge').whereNotNull('portal_badge'))
				.delete();
			await db('customers').update({ portal_badge: null });
		} finally {
			await db.destroy();
		}
		// A field deleted in the studio closes the portal at once.
		await eventually(async () => expect(await findingIds()).toContain('critical:schema-outdated'));
		expect(await health()).toBe('closed');
		expect((await signIn()).status).toBe(503);

		await start();
		expect(await findingIds()).not.toContain('critical:schema-outdated');
		expect(await health()).toBe('ok');
		// What the start added back is the shipped field, as the snapshot defines it. (Not Directus's dry run of the
		// snapshot: on PostgreSQL the portal indexes tickets.customer_path itself once the column is back.)
		const shipped = productSnapshot(options.database.client).fields;
		for (const [collection, field] of [
			['customers', 'tree_path'],
			['directus_policies', 'portal_tree_path'],
			['tickets', 'customer_path'],
		] as const) {
			const stored = (
				await call<{ type: string; meta: { note: string | null; hidden: boolean } }>(
					'GET',
					`/fields/${collection}/${field}`,
				)
			).body.data;
			const expected = shipped.find((entry) => entry.collection === collection && entry.field === field);
			expect(
				{ type: stored?.type, note: stored?.meta.note, hidden: stored?.meta.hidden },
				`${collection}.${field}`,
			).toEqual({ type: expected?.type, note: expected?.meta.note, hidden: expected?.meta.hidden });
		}
		const paths = await call<{ id: number; tree_path: string }[]>(
			'GET',
			`/items/customers?fields=id,tree_path&filter[id][_in]=${parent.body.data?.id},${child.body.data?.id}&sort=id`,
		);
		expect(paths.body.data?.map((row) => row.tree_path)).toEqual([
			`/${parent.body.data?.id}/`,
			`/${parent.body.data?.id}/${child.body.data?.id}/`,
		]);
		const session = await signIn();
		expect(session.status).toBe(200);
		expect(
			(await call<{ portal_badge: string | null }>('GET', `/items/customers/${own?.customer}?fields=portal_badge`)).body
				.data?.portal_badge,
		).toBeTruthy();
		expect(
			(
				await call<{ id: number }[]>('GET', '/items/tickets?fields=id&limit=-1', {
					token: session.body.data?.access_token ?? null,
				})
			).body.data,
		).toContainEqual({ id: ticket });
	}, 300_000);

	test('Sends a mail in the team’s own template, values escaped; warns of a template that does not render (its mail goes in the portal’s words) and of one named for no mail', async () => {
		const templates = join(folder, 'mail-templates');
		await mkdir(templates, { recursive: true });
		await writeFile(
			join(templates, 'portal-ticket-reply.liquid'),
			'<html><head><title>{{ portal.name }} · #{{ ticket }} {{ subject }}</title></head><body><h1 class="team-template">{{ author }} wrote</h1>{% for paragraph in mail.paragraphs %}<p>{{ paragraph }}</p>{% endfor %}<a href="{{ link }}">Open</a></body></html>',
		);
		await writeFile(join(templates, 'portal-ticket-status.liquid'), '{{ subject | no_such_filter }}');
		await writeFile(join(templates, 'portal-ticket-replies.liquid'), '{{ reply }}');
		const sink = await startMailSink(join(folder, 'mail'));
		try {
			await start({ ...mailSinkEnv(sink.port, options.port), EMAIL_TEMPLATES_PATH: templates });
			const findings = await findingIds();
			expect(findings).toContain('warning:mail-template-portal-ticket-status.liquid');
			expect(findings).toContain('warning:mail-template-unknown-portal-ticket-replies.liquid');
			expect(await health()).toBe('ok');

			const own = (
				await call<{ id: number; customer: number }[]>(
					'GET',
					`/items/contacts?filter[email][_eq]=${contact.email}&fields=id,customer`,
				)
			).body.data?.[0];
			const ticket = (
				await call<{ id: number }>('POST', '/items/tickets', {
					body: { customer: own?.customer, contact: own?.id, subject: 'Printer <b>offline</b> — تقرير' },
				})
			).body.data?.id;
			const reply = await call('POST', '/items/ticket_comments', {
				body: { ticket, body: 'Fixed <script>alert(1)</script>.', is_internal: false },
			});
			expect(reply.status).toBe(200);
			const mail = await waitForMail(sink.folder, contact.email, { timeoutMs: 30_000 });
			expect(mail.subject).toMatch(new RegExp(`· #${ticket} Printer <b>offline</b> — تقرير$`));
			expect(mail.html).toContain('class="team-template"');
			expect(mail.html).toContain('<p>Fixed &lt;script&gt;alert(1)&lt;/script&gt;.</p>');
			expect(mail.text).toContain('Fixed <script>alert(1)</script>.');

			// The status template does not render: the contact is still told, in the portal's own mail.
			expect((await call('PATCH', `/items/tickets/${ticket}`, { body: { status: 'pending' } })).status).toBe(200);
			const told = await waitForMail(sink.folder, contact.email, { count: 2, timeoutMs: 30_000 });
			expect(told.subject).toBe(`[#${ticket}] Waiting on you: Printer <b>offline</b> — تقرير`);
		} finally {
			await sink.stop();
		}
	}, 300_000);
});
