/**
 * The bundle installs its own schema when Directus starts, on a Directus that already holds a team's work:
 * a name of theirs is never touched (nothing installed, staff keep working, the portal says why), an install
 * that fails half-way leaves nothing behind and succeeds at the next start, a database from a newer release
 * keeps the portal closed, and a later start only ever adds what is missing.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	bootstrap,
	type DirectusInstanceOptions,
	freePort,
	installBundle,
	type RunningDirectus,
	startDirectus,
	throwAwayInstanceOptions,
} from '../../scripts/lib/directus-instance.ts';
import { ledgerTable } from '../../src/install/migration-ledger.ts';
import { productNames, productSnapshot } from '../../src/install/product-schema.ts';
import { latestSchemaVersion } from '../../src/install/schema-migrations.ts';
import { apiAt, databaseAt } from '../support/directus-under-test.ts';
import { eventually } from '../support/eventually.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let folder: string;
let database: TestDatabase;
let options: DirectusInstanceOptions;
let running: RunningDirectus | null = null;
let db: Knex;
const adminToken = randomBytes(24).toString('hex');
const call = apiAt(
	() => running?.url ?? '',
	() => adminToken,
);

async function start(): Promise<void> {
	await running?.stop();
	running = await startDirectus(options, { timeoutMs: 120_000 });
}

const health = async () => (await call('GET', '/portal/api/health', { token: null })).body['status'];
const findings = async () =>
	(await call<{ findings: { id: string; severity: string; problem: string }[] }>('GET', '/portal/api/doctor')).body.data
		?.findings ?? [];
/** Staff sign in with a password, as at the studio's sign-in page (the admin token alone would not show a broken login hook). */
const staffSignIn = async () => (await call('POST', '/auth/login', { token: null, body: options.admin })).status;

/** The product's collections that exist in the database, as tables or as Directus collections. */
async function productCollectionsPresent(): Promise<string[]> {
	const names = productNames(productSnapshot(options.database.client)).collections;
	const registered = (
		(await db('directus_collections').select('collection').whereIn('collection', names)) as { collection: string }[]
	).map(({ collection }) => collection);
	const tables: string[] = [];
	for (const name of names) if (await db.schema.hasTable(name)) tables.push(name);
	return [...new Set([...registered, ...tables])].sort();
}

/**
 * Makes the next install stop half-way: on PostgreSQL a lock that lets the install read and create
 * collections and fields but not write its relations (the last step); on SQLite nothing is needed, the
 * install's rollback journal shows how far it got. Returns what lets it go on.
 */
async function holdInstallMidway(): Promise<() => Promise<void>> {
	if (options.database.client !== 'pg') return async () => undefined;
	const holder = await db.transaction();
	await holder.raw('LOCK TABLE directus_relations IN SHARE MODE');
	return async () => {
		await holder.rollback();
	};
}

/** Resolves once the install is inside its transaction with part of the schema made, not yet committed. */
async function untilInstallIsMidway(): Promise<void> {
	let journalSince: number | null = null;
	await eventually(
		async () => {
			if (options.database.client === 'pg') {
				const waiting = (await db.raw(
					"select count(*)::int as count from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
				)) as { rows: { count: number }[] };
				if ((waiting.rows[0]?.count ?? 0) > 0) return;
			} else {
				// SQLite keeps a rollback journal while a write transaction is open; Directus's own start-up writes
				// are over in milliseconds, the install's transaction lasts seconds.
				const journal = await stat(`${options.database.filename}-journal`).catch(() => null);
				journalSince = journal ? (journalSince ?? Date.now()) : null;
				if (journalSince !== null && Date.now() - journalSince > 1_000) return;
			}
			throw new Error('The install never got half-way');
		},
		{ timeoutMs: 120_000, intervalMs: 20 },
	);
}

/** The process id of the Directus running in `dataDir` (its working folder). */
function directusProcessIn(dataDir: string): number {
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			if (
				readlinkSync(`/proc/${entry}/cwd`) === dataDir &&
				readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('directus/cli.js')
			)
				return Number(entry);
		} catch {
			// Gone, or not ours to read: not the one.
		}
	}
	throw new Error(`No Directus process runs in ${dataDir}`);
}

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'portal-install-'));
	database = await createTestDatabase(folder);
	options = throwAwayInstanceOptions(folder, database.config, await freePort(), { ADMIN_TOKEN: adminToken });
	db = databaseAt(database.config);
	// A Directus the team has used for a while, without the portal: among their collections one named `tickets`.
	await bootstrap(options);
	await start();
	const created = await call('POST', '/collections', {
		body: {
			collection: 'tickets',
			schema: {},
			meta: { note: 'Our own tickets' },
			fields: [
				{
					field: 'id',
					type: 'integer',
					schema: { is_primary_key: true, has_auto_increment: true },
					meta: { hidden: true },
				},
				{ field: 'title', type: 'string' },
			],
		},
	});
	expect(created.status).toBe(200);
	expect((await call('POST', '/items/tickets', { body: { title: 'Printer on fire' } })).status).toBe(200);
	await running?.stop();
	running = null;
	await installBundle(folder);
	await start();
}, 300_000);

afterAll(async () => {
	await running?.stop();
	await db?.destroy();
	await database?.drop();
	if (folder) await rm(folder, { recursive: true, force: true });
});

describe('Installing on a Directus that holds a team’s work', () => {
	test('Leaves a collection of the team’s with one of its names alone: installs nothing, staff work on, the portal says why', async () => {
		expect(await staffSignIn()).toBe(200);
		expect((await call<{ title: string }[]>('GET', '/items/tickets?fields=title')).body.data).toEqual([
			{ title: 'Printer on fire' },
		]);
		expect(
			((await call<{ field: string }[]>('GET', '/fields/tickets')).body.data ?? []).map(({ field }) => field).sort(),
		).toEqual(['id', 'title']);
		expect((await call<{ meta: { note: string } }>('GET', '/collections/tickets')).body.data?.meta.note).toBe(
			'Our own tickets',
		);
		expect(await productCollectionsPresent()).toEqual(['tickets']);
		expect(await db.schema.hasTable(ledgerTable)).toBe(false);

		expect(await health()).toBe('closed');
		const clash = (await findings()).find(({ id }) => id === 'install-name-clash');
		expect(clash?.severity).toBe('critical');
		expect(clash?.problem).toContain('tickets');
		// The portal's own routes answer that it is closed, not an error.
		expect((await call('GET', '/portal/api/config', { token: null })).status).toBe(200);
		expect(
			(await call('POST', '/portal/api/signup', { token: null, body: { email: 'someone@example.com' } })).status,
		).toBe(503);
	});

	test('An install killed half-way leaves nothing of itself behind', async () => {
		// The team frees the name; the next start installs. Directus is killed while the install's transaction is
		// open, after it made most of the schema.
		expect((await call('DELETE', '/collections/tickets')).status).toBe(204);
		await running?.stop();
		running = null;
		const release = await holdInstallMidway();
		const starting = startDirectus(options, { timeoutMs: 120_000 }).then(
			(instance) => instance,
			() => null,
		);
		try {
			await untilInstallIsMidway();
			process.kill(directusProcessIn(folder), 'SIGKILL');
		} finally {
			await release();
		}
		expect(await starting).toBeNull();
		// On SQLite the journal Directus left is hot: the next connection to open the file rolls the install back.
		if (options.database.client === 'sqlite3')
			expect((await stat(`${options.database.filename}-journal`)).size).toBeGreaterThan(0);
		expect(await productCollectionsPresent()).toEqual([]);
		expect(await db.schema.hasTable(ledgerTable)).toBe(false);
		expect(
			Number(
				(
					(await db('directus_fields')
						.whereIn('collection', ['customers', 'portal_settings'])
						.count({ count: '*' })) as { count: number | string }[]
				)[0]?.count,
			),
		).toBe(0);
	}, 240_000);

	test('An install that fails half-way leaves nothing of itself behind, and the next start installs it whole', async () => {
		// An index of the team's holds a name the portal's last collection needs, so the install fails after
		// creating most of the schema.
		await db.schema.createTable('team_notes', (table) => {
			table.increments('id');
			table.integer('customer');
		});
		await db.raw('CREATE INDEX tickets_customer_index ON team_notes (customer)');
		await db('team_notes').insert({ customer: 7 });
		await start();

		expect(await staffSignIn()).toBe(200);
		expect(await health()).toBe('closed');
		expect((await findings()).map(({ id }) => id)).toContain('install-failed');
		expect(await productCollectionsPresent()).toEqual([]);
		expect(await db.schema.hasTable(ledgerTable)).toBe(false);
		expect(
			Number(
				(
					(await db('directus_fields')
						.whereIn('collection', ['customers', 'portal_settings'])
						.count({ count: '*' })) as { count: number | string }[]
				)[0]?.count,
			),
		).toBe(0);
		expect(await db('team_notes').select('customer')).toEqual([{ customer: 7 }]);

		await db.raw('DROP INDEX tickets_customer_index');
		await start();
		expect(await health()).toBe('ok');
		expect(await productCollectionsPresent()).toEqual(
			productNames(productSnapshot(options.database.client)).collections.sort(),
		);
		expect(
			((await db(ledgerTable).select('version')) as { version: number }[]).map(({ version }) => Number(version)),
		).toEqual([latestSchemaVersion]);
		expect(await db('team_notes').select('customer')).toEqual([{ customer: 7 }]);
	}, 240_000);

	test('A later start only adds: a change staff made to one of the portal’s fields stays', async () => {
		const note = 'Our wording for the customer name';
		expect((await call('PATCH', '/fields/customers/name', { body: { meta: { note } } })).status).toBe(200);
		await start();
		expect((await call<{ meta: { note: string } }>('GET', '/fields/customers/name')).body.data?.meta.note).toBe(note);
		expect(await health()).toBe('ok');
	}, 120_000);

	test('An upgrade that brings a collection the team has made meanwhile leaves theirs alone, and says why', async () => {
		// As on a Directus installed before the portal kept its inbox, where the team has since made a `portal_inbox`.
		expect((await call('DELETE', '/collections/portal_inbox')).status).toBe(204);
		const created = await call('POST', '/collections', {
			body: {
				collection: 'portal_inbox',
				schema: {},
				meta: { note: 'Our own inbox' },
				fields: [
					{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } },
					{ field: 'title', type: 'string' },
				],
			},
		});
		expect(created.status).toBe(200);
		expect((await call('POST', '/items/portal_inbox', { body: { title: 'Call the plumber' } })).status).toBe(200);
		const fieldsOfTheirs = async () =>
			((await call<{ field: string }[]>('GET', '/fields/portal_inbox')).body.data ?? [])
				.map(({ field }) => field)
				.sort();
		const columnsOfTheirs = async () => Object.keys(await db('portal_inbox').columnInfo()).sort();
		expect(await fieldsOfTheirs()).toEqual(['id', 'title']);

		await start();
		expect(await staffSignIn()).toBe(200);
		expect(await health()).toBe('closed');
		const clash = (await findings()).find(({ id }) => id === 'install-name-clash');
		expect(clash?.severity).toBe('critical');
		expect(clash?.problem).toContain('portal_inbox');
		expect(await fieldsOfTheirs()).toEqual(['id', 'title']);
		expect(await columnsOfTheirs()).toEqual(['id', 'title']);
		expect(
			(await call<{ title: string }[]>('GET', '/items/portal_inbox')).body.data?.map(({ title }) => title),
		).toEqual(['Call the plumber']);
		expect((await call('GET', '/items/customers?limit=1')).status).toBe(200);

		// Their collection moved out of the way, the next start adds the portal's.
		expect((await call('DELETE', '/collections/portal_inbox')).status).toBe(204);
		await start();
		expect(await health()).toBe('ok');
		expect(await fieldsOfTheirs()).toContain('outcome');
	}, 180_000);

	test('A database a newer release upgraded keeps this release’s portal closed, and staff working', async () => {
		await db(ledgerTable).insert({
			version: latestSchemaVersion + 1,
			name: 'from a newer release',
			bundle_version: '9.0.0',
		});
		await start();
		expect(await staffSignIn()).toBe(200);
		expect(await health()).toBe('closed');
		const newer = (await findings()).find(({ id }) => id === 'schema-newer');
		expect(newer?.problem).toContain(`version ${latestSchemaVersion + 1}`);
		expect((await call('GET', '/items/customers?limit=1')).status).toBe(200);

		await db(ledgerTable)
			.where('version', latestSchemaVersion + 1)
			.delete();
		await start();
		expect(await health()).toBe('ok');
	}, 120_000);
});
