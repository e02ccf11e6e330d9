/**
 * The product's lifecycle on a Directus a team already uses: a bare Directus furnished as a team has it
 * (lived-in-directus.ts), fingerprinted, then the bundle installed and Directus restarted — with nothing else:
 * the bundle brings its own schema. The team's work must stay exactly as it was, their staff must sign in and
 * their collections answer, and the portal must work end to end. Its own throw-away Directus and database
 * (PORTAL_TEST_DB says which), not the suite's shared one.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	bootstrap,
	type DirectusInstanceOptions,
	freePort,
	installBundle,
	mailSinkEnv,
	runDirectusCli,
	type RunningDirectus,
	startDirectus,
	throwAwayInstanceOptions,
	uninstallBundle,
} from '../../scripts/lib/directus-instance.ts';
import { type MailSink, startMailSink, waitForMail } from '../../scripts/lib/mail-sink.ts';
import { type Api, apiAt, databaseAt } from '../support/directus-under-test.ts';
import {
	fingerprintTeamWork,
	furnishLivedInDirectus,
	type LivedInDirectus,
	orderNotes,
	teamWorkDifferences,
	type TeamWorkFingerprint,
} from '../support/lived-in-directus.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const adminToken = randomBytes(24).toString('hex');
let folder: string;
let database: TestDatabase | undefined;
let mail: MailSink | undefined;
let options: DirectusInstanceOptions;
let directus: RunningDirectus | undefined;
let db: Knex | undefined;
let team: LivedInDirectus;
let baseline: TeamWorkFingerprint;

const api: Api = apiAt(
	() => directus?.url ?? '',
	() => adminToken,
);

const teamWorkNow = async () => {
	if (!db) throw new Error('No database connection');
	return fingerprintTeamWork(db, baseline);
};

async function signIn(email: string, password: string): Promise<string> {
	const answer = await api<{ access_token: string }>('POST', '/auth/login', { token: null, body: { email, password } });
	expect({ email, status: answer.status }).toEqual({ email, status: 200 });
	return answer.body.data?.access_token ?? '';
}

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'portal-lifecycle-'));
	database = await createTestDatabase(folder);
	mail = await startMailSink(join(folder, 'mail'));
	const port = await freePort();
	options = throwAwayInstanceOptions(folder, database.config, port, {
		ADMIN_TOKEN: adminToken,
		...mailSinkEnv(mail.port, port),
	});

	// A bare Directus, as the team runs it before they hear of the product: no bundle, no portal schema.
	await bootstrap(options);
	const bare = await startDirectus(options);
	try {
		team = await furnishLivedInDirectus(bare.url, adminToken);
	} finally {
		await bare.stop();
	}
	db = databaseAt(database.config);
	baseline = await fingerprintTeamWork(db);

	// The install: the bundle in place and a restart, nothing more.
	await installBundle(folder);
	directus = await startDirectus(options);
}, 180_000);

afterAll(async () => {
	await directus?.stop();
	await db?.destroy();
	await mail?.stop();
	await database?.drop();
	if (folder) await rm(folder, { recursive: true, force: true });
}, 60_000);

describe('Installing the product on a lived-in Directus', () => {
	test('Leaves every row, table and setting of the team’s as it was', async () => {
		// The baseline holds what the team made (else the comparison below proves nothing).
		expect(baseline.rowCounts).toEqual({ orders: 4, contacts_archive: 3 });
		expect(Object.keys(baseline.rows['directus_permissions'] ?? {})).toEqual(
			expect.arrayContaining(Object.values(team.permissions).map(String)),
		);
		expect(Object.keys(baseline.rows['directus_operations'] ?? {})).toEqual(expect.arrayContaining(team.operations));
		expect(baseline.schema['orders']?.length).toBeGreaterThan(12);

		expect(teamWorkDifferences(baseline, await teamWorkNow())).toEqual([]);
	});

	test('Staff sign in, and the team’s collections answer as their permissions say', async () => {
		await signIn(options.admin.email, options.admin.password);
		const sales = await signIn(team.users.sales.email, team.users.sales.password);
		const warehouse = await signIn(team.users.warehouse.email, team.users.warehouse.password);

		const references = async (token: string) =>
			(
				await api<{ reference: string }[]>('GET', '/items/orders?fields=reference&sort=reference', { token })
			).body.data?.map((row) => row.reference);
		// Sales: their own orders and every open one; the night shift: paid and shipped ones; the integration: all.
		expect(await references(sales)).toEqual(['NW-1001', 'NW-1002']);
		expect(await references(warehouse)).toEqual(['NW-1002', 'NW-1003']);
		expect(await references(team.users.integration.token)).toEqual(['NW-1001', 'NW-1002', 'NW-1003', 'NW-1004']);

		const first = await api<{ notes: string; details: unknown; owner: string; invoice: { title: string } }>(
			'GET',
			`/items/orders/${team.orders[0]}?fields=notes,details,owner,invoice.title`,
			{ token: sales },
		);
		expect(first.body.data).toEqual({
			notes: orderNotes,
			details: {
				lines: [
					{ sku: 'A-1', qty: 3, price: 250.5 },
					{ sku: 'B-7', qty: 1, price: 499 },
				],
				incoterm: 'DAP',
				gift: false,
			},
			owner: team.users.sales.id,
			invoice: { title: 'Invoice 2024-001' },
		});
		const archive = await api<Record<string, unknown>[]>('GET', '/items/contacts_archive?sort=email', { token: sales });
		expect(archive.body.data?.map((row) => Object.keys(row).sort())).toEqual([
			['email', 'first_name', 'id', 'last_name'],
			['email', 'first_name', 'id', 'last_name'],
		]);
		const settings = await api<{ project_name: string; project_color: string }>(
			'GET',
			'/settings?fields=project_name,project_color',
		);
		expect(settings.body.data).toEqual({ project_name: 'Northwind Orders', project_color: '#2F7D5B' });
	});

	test('The portal is installed and open', async () => {
		const health = await api<never>('GET', '/portal/api/health', { token: null });
		expect(health.status).toBe(200);
		expect(health.body).toMatchObject({
			status: 'ok',
			product: 'customer-portal',
			entries: ['portal', 'portal-hooks'],
		});
	});

	test('Staff invite a contact, who accepts, signs in, opens a ticket and reads the staff reply', async () => {
		const customer = await api<{ id: number }>('POST', '/items/customers', { body: { name: 'Contoso' } });
		expect(customer.status).toBe(200);
		const email = `ivy.${randomBytes(4).toString('hex')}@contoso.example.com`;
		const contact = await api<{ id: number }>('POST', '/items/contacts', {
			body: { customer: customer.body.data?.id, first_name: 'Ivy', last_name: 'Invitee', email },
		});
		expect(contact.status).toBe(200);

		expect((await api('POST', '/portal/api/invitations', { body: { contact: contact.body.data?.id } })).status).toBe(
			201,
		);
		const link = /accept-invitation\?token=([A-Za-z0-9_-]{43})/.exec(
			(await waitForMail(mail?.folder ?? '', email)).text,
		);
		expect(link?.[1]).toBeDefined();
		expect(
			(
				await api('POST', '/portal/api/invitations/accept', {
					token: null,
					body: { token: link?.[1], password: 'a-good-long-password' },
				})
			).status,
		).toBe(200);
		const token = await signIn(email, 'a-good-long-password');

		const ticket = await api<{ id: number }>('POST', '/items/tickets', {
			token,
			body: { subject: 'The printer jams', description: 'Since Monday.' },
		});
		expect(ticket.status).toBe(200);
		const reply = await api('POST', '/items/ticket_comments', {
			body: { ticket: ticket.body.data?.id, body: 'We are on our way.', is_internal: false },
		});
		expect(reply.status).toBe(200);
		const seen = await api<{ body: string }[]>(
			'GET',
			`/items/ticket_comments?filter[ticket][_eq]=${ticket.body.data?.id}&fields=body`,
			{ token },
		);
		expect(seen.body.data).toEqual([{ body: 'We are on our way.' }]);
	});

	test('Leaves every row, table and setting of the team’s as it was after the portal was used', async () => {
		expect(teamWorkDifferences(baseline, await teamWorkNow())).toEqual([]);
	});
});

describe('Upgrading and uninstalling on a lived-in Directus', () => {
	test('The package installed again and Directus restarted, as an upgrade is done, leaves the team’s work as it was', async () => {
		// This release's upgrade path from the one before it is test/integration/upgrade.test.ts; here, what an
		// upgrade does to a team's work: the migrations run under the lock and find nothing to do.
		await directus?.stop();
		await installBundle(folder);
		directus = await startDirectus(options);
		expect((await api('GET', '/portal/api/health', { token: null })).body['status']).toBe('ok');
		expect(teamWorkDifferences(baseline, await teamWorkNow())).toEqual([]);
	}, 120_000);

	test('Uninstalled with its command and the package removed, Directus starts with the team’s work exactly as before the install', async () => {
		await directus?.stop();
		directus = undefined;
		await runDirectusCli(options, ['customer-portal', 'uninstall', '--yes']);
		await uninstallBundle(folder);
		directus = await startDirectus(options);
		await signIn(options.admin.email, options.admin.password);
		expect(teamWorkDifferences(baseline, await teamWorkNow())).toEqual([]);
		// Nothing of the portal's on Directus's own tables, beyond the help-desk data it leaves by default.
		const settings = (await db?.('directus_settings').select('module_bar').first()) as
			{ module_bar: unknown } | undefined;
		expect(settings?.module_bar ?? null).toBeNull();
		expect(await db?.schema.hasTable('portal_migrations')).toBe(false);
		expect((await api('GET', '/portal/api/health', { token: null })).status).toBe(404);
	}, 180_000);
});

describe('The fingerprint of the team’s work', () => {
	test('Reports a changed team row, team permission and field note, each with its table and key, and nothing once they are put back', async () => {
		if (!db) throw new Error('No database connection');
		const connection = db;
		const before = teamWorkDifferences(baseline, await teamWorkNow());
		const order = team.orders[2];
		const permission = team.permissions.warehouseReadOrders;
		const field = (
			(await connection('directus_fields').where({ collection: 'orders', field: 'reference' }).select('id')) as {
				id: number;
			}[]
		)[0]?.id;
		// Written straight into the database, so what is checked is the fingerprint alone, whatever state the bundle is in.
		const change = async (changes: { notes: string; fields: string; note: string }) => {
			expect(await connection('orders').where('id', order).update({ notes: changes.notes })).toBe(1);
			expect(await connection('directus_permissions').where('id', permission).update({ fields: changes.fields })).toBe(
				1,
			);
			expect(await connection('directus_fields').where('id', field).update({ note: changes.note })).toBe(1);
		};

		await change({ notes: 'Changed behind the team’s back', fields: 'id,reference', note: 'Printed on every invoice' });
		// And a permission slipped into one of the team's policies.
		await connection('directus_permissions').insert({
			policy: team.policies.sales,
			collection: 'customers',
			action: 'read',
			fields: '*',
		});
		const slipped = (
			(await connection('directus_permissions')
				.where({ policy: team.policies.sales, collection: 'customers' })
				.select('id')) as { id: number }[]
		)[0]?.id;
		const after = teamWorkDifferences(baseline, await teamWorkNow());
		expect(after.filter((difference) => !before.includes(difference))).toEqual([
			`directus_fields ${String(field)}: changed note: "As printed on the invoice" → "Printed on every invoice"`,
			`directus_permissions ${permission}: changed fields: "id,reference,status,details,placed_on" → "id,reference"`,
			`directus_permissions ${String(slipped)}: added with policy = ${team.policies.sales} (the team's)`,
			`orders ${order}: changed notes: "Short note" → "Changed behind the team’s back"`,
		]);

		await change({
			notes: 'Short note',
			fields: 'id,reference,status,details,placed_on',
			note: 'As printed on the invoice',
		});
		await connection('directus_permissions').where('id', slipped).delete();
		expect(teamWorkDifferences(baseline, await teamWorkNow())).toEqual(before);
	});
});
