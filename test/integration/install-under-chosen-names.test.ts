/**
 * A team whose Directus already has a `contacts` and a `tickets` of its own installs the portal with the help
 * desk's collections under names it chooses (PORTAL_COLLECTION_NAMES): names it cannot use are refused and
 * nothing is installed; chosen ones are used for every part of the help desk, the portal runs on them (a
 * contact invited, signing in, reading exactly their customer's tickets), the team's collections keep their
 * schema, rows and permissions, later starts keep the names whatever the environment says, and an uninstall
 * with the data removes the portal's collections under their chosen names and leaves the team's alone.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort, mailSinkEnv, runDirectusCli } from '../../scripts/lib/directus-instance.ts';
import { type MailSink, startMailSink, waitForMail } from '../../scripts/lib/mail-sink.ts';
import { bundledDataMapUnder } from '../../src/install/collection-names.ts';
import { ledgerTable } from '../../src/install/migration-ledger.ts';
import { type DirectusOfItsOwn, startDirectusOfItsOwn } from '../support/directus-of-its-own.ts';
import { type Api, databaseAt } from '../support/directus-under-test.ts';
import { eventually } from '../support/eventually.ts';
import { expectRefused } from '../support/expect-refused.ts';
import { showLogOnFailure } from '../support/log-on-failure.ts';

let directus: DirectusOfItsOwn | undefined;
let db: Knex;
let mail: MailSink | undefined;
let mailFolder: string;
const call: Api = (...args) => (directus as DirectusOfItsOwn).call(...args);
const chosen = 'contacts:client_contacts,tickets:support_tickets,ticket_followers:support_followers';

showLogOnFailure('its own Directus', () => directus?.options.logFile);

async function ok<T>(answer: Promise<{ status: number; body: { data?: T } }>, what: string): Promise<T> {
	const { status, body } = await answer;
	if (status !== 200 || body.data === undefined) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
	return body.data;
}

const start = (env: Record<string, string | undefined>) => (directus as DirectusOfItsOwn).restart(env);
const findings = async () =>
	(
		await ok(
			call<{ findings: { id: string; severity: string; problem: string; fix: string }[] }>('GET', '/portal/api/doctor'),
			'doctor',
		)
	).findings;
const health = async () => (await call('GET', '/portal/api/health', { token: null })).body['status'];

/** What of the team's work must come out untouched: its collections' fields, rows, relation, and its policy's permissions. */
async function teamWork(call: Api): Promise<unknown> {
	const fields = async (collection: string) =>
		((await ok(call<{ field: string }[]>('GET', `/fields/${collection}`), collection)) ?? [])
			.map(({ field }) => field)
			.sort();
	return {
		contactFields: await fields('contacts'),
		ticketFields: await fields('tickets'),
		contacts: await ok(call('GET', '/items/contacts?fields=*&sort=id'), 'contacts'),
		tickets: await ok(call('GET', '/items/tickets?fields=*&sort=id'), 'tickets'),
		relations: (
			await Promise.all(
				['contacts', 'tickets'].map((collection) =>
					ok(
						call<{ collection: string; field: string; related_collection: string | null }[]>(
							'GET',
							`/relations/${collection}`,
						),
						'relations',
					),
				),
			)
		)
			.flat()
			.map(({ collection, field, related_collection }) => `${collection}.${field} → ${related_collection}`)
			.sort(),
		permissions: await ok(
			call(
				'GET',
				'/permissions?filter[collection][_in]=contacts,tickets&fields=collection,action,fields&sort=collection,action',
			),
			'permissions',
		),
	};
}

let teamBefore: unknown;

/** The team's Directus before the portal: a `contacts` (a mailing list) and a `tickets` (an event's) of its own, with rows, a relation between them and a policy that may read them. */
async function teamsOwnWork(call: Api): Promise<void> {
	const collection = (name: string, fields: object[]) =>
		ok(
			call('POST', '/collections', {
				body: {
					collection: name,
					schema: {},
					meta: { note: `Our own ${name}` },
					fields: [
						{
							field: 'id',
							type: 'integer',
							schema: { is_primary_key: true, has_auto_increment: true },
							meta: { hidden: true },
						},
						...fields,
					],
				},
			}),
			name,
		);
	await collection('contacts', [
		{ field: 'full_name', type: 'string' },
		{ field: 'newsletter', type: 'boolean' },
	]);
	await collection('tickets', [
		{ field: 'seat', type: 'string' },
		{ field: 'holder', type: 'integer', meta: { special: null, interface: 'select-dropdown-m2o' } },
	]);
	await ok(
		call('POST', '/relations', { body: { collection: 'tickets', field: 'holder', related_collection: 'contacts' } }),
		'relation',
	);
	const mailing = await ok(
		call<{ id: number }>('POST', '/items/contacts', { body: { full_name: 'Renée Ümlaut-ﺏ', newsletter: true } }),
		'contact',
	);
	await ok(call('POST', '/items/tickets', { body: { seat: 'A12', holder: mailing.id } }), 'ticket');
	const policy = await ok(
		call<{ id: string }>('POST', '/policies', { body: { name: 'Box office', app_access: true } }),
		'policy',
	);
	for (const name of ['contacts', 'tickets'])
		await ok(
			call('POST', '/permissions', { body: { policy: policy.id, collection: name, action: 'read', fields: ['*'] } }),
			'permission',
		);
	teamBefore = await teamWork(call);
}

beforeAll(async () => {
	const smtpPort = await freePort();
	mailFolder = await mkdtemp(join(tmpdir(), 'portal-chosen-names-mail-'));
	mail = await startMailSink(mailFolder, smtpPort);
	// Started without names: the help desk's clash with the team's collections.
	directus = await startDirectusOfItsOwn('chosen-names', (port) => mailSinkEnv(smtpPort, port), {
		beforeBundle: teamsOwnWork,
	});
	db = databaseAt(directus.database.config);
}, 600_000);

afterAll(async () => {
	await mail?.stop();
	await db?.destroy();
	await directus?.remove();
	if (mailFolder) await rm(mailFolder, { recursive: true, force: true });
});

describe('Installing the help desk under names the team chooses', () => {
	test('Without names the team’s collections clash, and the doctor offers the variable; names that cannot be used are refused, saying why; nothing is installed, staff work on', async () => {
		expect(await health()).toBe('closed');
		const clash = (await findings()).find(({ id }) => id === 'install-name-clash');
		expect(clash?.problem).toContain('contacts, tickets');
		expect(clash?.fix).toContain('PORTAL_COLLECTION_NAMES=contacts:hd_contacts,tickets:hd_tickets');

		await start({ PORTAL_COLLECTION_NAMES: 'contacts:Client Contacts' });
		expect(await health()).toBe('closed');
		const finding = (await findings()).find(({ id }) => id === 'install-collection-names');
		expect(finding?.severity).toBe('critical');
		expect(finding?.problem).toContain('"Client Contacts" (for contacts) is not a plain name');
		expect(await db.schema.hasTable(ledgerTable)).toBe(false);
		expect(await db.schema.hasTable('customers')).toBe(false);
		expect(await teamWork(call)).toEqual(teamBefore);
	}, 240_000);

	test('Chosen names install the help desk beside the team’s collections, and the portal runs on them', async () => {
		await start({ PORTAL_COLLECTION_NAMES: ` ${chosen} ` });
		await eventually(async () => expect(await health()).toBe('ok'), { timeoutMs: 60_000 });
		expect(await teamWork(call)).toEqual(teamBefore);
		for (const name of ['client_contacts', 'support_tickets', 'support_followers', 'customers', 'ticket_comments'])
			expect(await db.schema.hasTable(name), name).toBe(true);
		expect((await db(ledgerTable).select('collection_names'))[0]).toEqual({ collection_names: chosen });
		const settings = await db('portal_settings').first('data_map');
		const stored = typeof settings.data_map === 'string' ? JSON.parse(settings.data_map) : settings.data_map;
		expect(stored).toEqual(
			bundledDataMapUnder({
				contacts: 'client_contacts',
				tickets: 'support_tickets',
				ticket_followers: 'support_followers',
			}),
		);
		expect((await findings()).filter(({ severity }) => severity === 'critical')).toEqual([]);
		// The Data map page offers the team's collections, not the portal's under the names chosen for them.
		const page = await ok(
			call<{ productCollections: string[] }>('GET', '/portal/api/studio/data-map'),
			'the data map page',
		);
		expect(page.productCollections).toEqual(expect.arrayContaining(['support_followers', 'customer_tree']));
		expect(page.productCollections).not.toContain('client_contacts');

		// A customer with a ticket, another customer with one; a contact invited by staff.
		const acme = await ok(call<{ id: number }>('POST', '/items/customers', { body: { name: 'Acme' } }), 'customer');
		const other = await ok(call<{ id: number }>('POST', '/items/customers', { body: { name: 'Other' } }), 'customer');
		const administrator = (
			await ok(call<{ id: number }[]>('GET', '/items/portal_groups?filter[name][_eq]=Administrator&fields=id'), 'group')
		)[0]!.id;
		const email = `${randomBytes(6).toString('hex')}@acme.example.com`;
		const contact = await ok(
			call<{ id: number }>('POST', '/items/client_contacts', {
				body: { customer: acme.id, first_name: 'Ada', last_name: 'Acme', email, portal_group: administrator },
			}),
			'contact',
		);
		const ours = await ok(
			call<{ id: number }>('POST', '/items/support_tickets', {
				body: { customer: acme.id, subject: 'Printer', requester: contact.id },
			}),
			'ticket',
		);
		const theirs = await ok(
			call<{ id: number }>('POST', '/items/support_tickets', { body: { customer: other.id, subject: 'Router' } }),
			'ticket',
		);
		const invitation = await call('POST', '/portal/api/invitations', { body: { contact: contact.id } });
		expect(invitation.status, JSON.stringify(invitation.body)).toBe(201);
		const token = /accept-invitation\?token=([A-Za-z0-9_-]{43})/.exec((await waitForMail(mailFolder, email)).text)?.[1];
		expect(
			(
				await call('POST', '/portal/api/invitations/accept', {
					token: null,
					body: { token, password: 'chosen-names-1' },
				})
			).status,
		).toBe(200);
		const session = await eventually(async () =>
			ok(
				call<{ access_token: string }>('POST', '/auth/login', {
					token: null,
					body: { email, password: 'chosen-names-1' },
				}),
				'sign-in',
			),
		);
		const as = session.access_token;

		const read = await ok(call<{ id: number }[]>('GET', '/items/support_tickets?fields=id', { token: as }), 'tickets');
		expect(read.map(({ id }) => id)).toEqual([ours.id]);
		// Asked by another customer's key, nothing; through the customer's fields, refused.
		expect(
			await ok(
				call('GET', `/items/support_tickets?fields=id&filter[customer][_eq]=${other.id}`, { token: as }),
				'filter',
			),
		).toEqual([]);
		expectRefused(
			await call('GET', '/items/support_tickets?fields=id&filter[customer][name][_eq]=Other', { token: as }),
			'a filter through the customer',
			{ statuses: [400], code: 'PORTAL_QUERY_REFUSED' },
		);
		expectRefused(await call('GET', `/items/support_tickets/${theirs.id}`, { token: as }), 'another customer’s ticket');
		const me = await ok(call<{ contact: { id: number } }>('GET', '/portal/api/me', { token: as }), 'me');
		expect(me.contact.id).toBe(contact.id);
		// The team's own collections are not the portal's: a contact reads nothing of them.
		for (const name of ['contacts', 'tickets']) expectRefused(await call('GET', `/items/${name}`, { token: as }), name);
		// Staff who run the portal without being admins manage the renamed contacts' portal access, and only that.
		const { staff_policy: staffPolicy } = await ok(
			call<{ staff_policy: string }>('GET', '/items/portal_settings?fields=staff_policy'),
			'settings',
		);
		const staffLogin = { email: `${randomBytes(6).toString('hex')}@staff.example.com`, password: 'staff-password-1' };
		const staff = await ok(
			call<{ id: string }>('POST', '/users', { body: { ...staffLogin, status: 'active' } }),
			'staff',
		);
		await ok(call('POST', '/access', { body: { user: staff.id, policy: staffPolicy } }), 'staff access');
		const staffToken = (
			await ok(
				call<{ access_token: string }>('POST', '/auth/login', { token: null, body: staffLogin }),
				'staff sign-in',
			)
		).access_token;
		expect(
			(
				await ok(call<{ id: number }[]>('GET', '/items/client_contacts?fields=id', { token: staffToken }), 'staff read')
			).map(({ id }) => id),
		).toEqual([contact.id]);
		const suspended = await call('PATCH', `/items/client_contacts/${contact.id}`, {
			token: staffToken,
			body: { login_suspended: true },
		});
		expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
		expectRefused(
			await call('PATCH', `/items/client_contacts/${contact.id}`, {
				token: staffToken,
				body: { email: 'x@example.com' },
			}),
			'staff changing a contact’s e-mail',
			{ statuses: [400, 403] },
		);
		await eventually(async () =>
			expect(
				(await call('POST', '/auth/login', { token: null, body: { email, password: 'chosen-names-1' } })).status,
			).toBe(401),
		);
		expect(
			(await call('PATCH', `/items/client_contacts/${contact.id}`, { body: { login_suspended: false } })).status,
		).toBe(200);

		const reply = await call('POST', '/items/ticket_comments', {
			token: as,
			body: { ticket: ours.id, body: 'Still broken' },
		});
		expect(reply.status, JSON.stringify(reply.body)).toBe(200);
	}, 240_000);

	test('Later starts keep the names the first install recorded, whatever the environment says', async () => {
		await start({ PORTAL_COLLECTION_NAMES: 'contacts:people_of_clients' });
		expect(await health()).toBe('ok');
		const kept = (await findings()).find(({ id }) => id === 'collection-names-kept');
		expect(kept?.severity).toBe('warning');
		expect(kept?.problem).toContain(chosen);
		expect(await db.schema.hasTable('people_of_clients')).toBe(false);

		await start({ PORTAL_COLLECTION_NAMES: undefined });
		expect(await health()).toBe('ok');
		expect((await findings()).map(({ id }) => id)).not.toContain('collection-names-kept');
		expect(await db.schema.hasTable('contacts')).toBe(true);
		expect(await teamWork(call)).toEqual(teamBefore);
	}, 240_000);

	test('An uninstall with the data removes the help desk under its chosen names and leaves the team’s collections as they were', async () => {
		const { plan } = await ok(
			call<{ plan: { collections: string[]; fields: string[]; kept: string[] } }>(
				'GET',
				'/portal/api/studio/uninstall?removeData=true',
			),
			'uninstall plan',
		);
		expect(plan.collections).toEqual(
			expect.arrayContaining(['client_contacts', 'support_tickets', 'support_followers']),
		);
		expect(plan.collections).not.toContain('contacts');
		expect(plan.collections).not.toContain('tickets');
		expect(plan.fields.filter((field) => /^(contacts|tickets)\./.test(field))).toEqual([]);

		await (directus as DirectusOfItsOwn).stop();
		await runDirectusCli((directus as DirectusOfItsOwn).options, [
			'customer-portal',
			'uninstall',
			'--remove-data',
			'--yes',
		]);
		for (const name of [
			'client_contacts',
			'support_tickets',
			'support_followers',
			'customers',
			'customer_tree',
			ledgerTable,
		])
			expect(await db.schema.hasTable(name), name).toBe(false);
		await start({});
		expect(await teamWork(call)).toEqual(teamBefore);
	}, 240_000);
});
