/**
 * Uninstalling the portal from a Directus it was used on, through the CLI command and through the studio
 * route, each on a throw-away Directus of its own: afterwards nothing of the product is left in Directus's
 * tables or the database, the help-desk data stays (unless asked otherwise), and Directus starts without
 * the bundle with a clean log.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	bootstrap,
	type DirectusInstanceOptions,
	freePort,
	installBundle,
	runDirectusCli,
	type RunningDirectus,
	startDirectus,
	throwAwayInstanceOptions,
	uninstallBundle,
} from '../../scripts/lib/directus-instance.ts';
import { uninstallConfirmation } from '../../src/lifecycle/uninstall-confirmation.ts';
import { type Api, apiAt, databaseAt } from '../support/directus-under-test.ts';
import { eventually } from '../support/eventually.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const keptCollections = ['customers', 'contacts', 'tickets', 'ticket_comments', 'ticket_attachments', 'quotes'];

/** A throw-away Directus with the bundle and the schema, and the portal in use on it. */
class Instance {
	folder = '';
	database!: TestDatabase;
	options!: DirectusInstanceOptions;
	running: RunningDirectus | null = null;
	adminToken = randomBytes(24).toString('hex');
	api!: Api;
	db!: Knex;
	used!: Awaited<ReturnType<typeof usePortal>>;

	async create(): Promise<void> {
		this.folder = await mkdtemp(join(tmpdir(), 'portal-uninstall-'));
		this.database = await createTestDatabase(this.folder);
		this.options = throwAwayInstanceOptions(this.folder, this.database.config, await freePort(), {
			ADMIN_TOKEN: this.adminToken,
		});
		await installBundle(this.folder);
		await bootstrap(this.options);
		await this.start();
		this.api = apiAt(
			() => this.running?.url ?? '',
			() => this.adminToken,
		);
		this.db = databaseAt(this.database.config);
	}

	async start(): Promise<void> {
		this.running = await startDirectus(this.options);
	}

	async stop(): Promise<void> {
		await this.running?.stop();
		this.running = null;
	}

	async destroy(): Promise<void> {
		await this.stop();
		await this.db?.destroy();
		await this.database?.drop();
		if (this.folder) await rm(this.folder, { recursive: true, force: true });
	}

	/** The log lines of the latest `directus start`. */
	async lastStartLog(): Promise<string[]> {
		const log = await readFile(this.options.logFile, 'utf8');
		return log
			.slice(log.lastIndexOf('$ directus start'))
			.split('\n')
			.slice(1)
			.filter((line) => line.trim() !== '');
	}
}

async function ok<T>(answer: Promise<{ status: number; body: { data?: T } }>, what: string): Promise<T> {
	const { status, body } = await answer;
	if (status !== 200 || body.data === undefined) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
	return body.data;
}

/** Uses the portal as a team would: groups, contacts with logins, a ticket with a comment and an attachment, public access, a badge. */
async function usePortal(instance: Instance) {
	const { api } = instance;
	const customer = await ok(
		api<{ id: number }>('POST', '/items/customers', { body: { name: 'Acme', status: 'active' } }),
		'customer',
	);
	const group = await ok(
		api<{ id: number }>('POST', '/items/portal_groups', {
			body: {
				name: 'Reporters',
				permissions: { 'tickets.view': 'own', 'tickets.create': true, 'tickets.reply': true },
			},
		}),
		'group',
	);
	const administrators = (
		await ok(api<{ id: number }[]>('GET', '/items/portal_groups?filter[name][_eq]=Administrator&fields=id'), 'groups')
	)[0]?.id;
	const contacts = [];
	for (const portalGroup of [administrators, group.id]) {
		const email = `${randomBytes(5).toString('hex')}@portal.example.com`;
		const password = randomBytes(12).toString('hex');
		const user = await ok(
			api<{ id: string }>('POST', '/users', { body: { email, password, status: 'active' } }),
			'user',
		);
		const contact = await ok(
			api<{ id: number }>('POST', '/items/contacts', {
				body: { customer: customer.id, last_name: 'Contact', email, user: user.id, portal_group: portalGroup },
			}),
			'contact',
		);
		contacts.push({ id: contact.id, userId: user.id, email, password });
	}
	const [lead] = contacts as [(typeof contacts)[number]];
	let token = '';
	// The contact's login gets the portal role once its contact is saved.
	await eventually(async () => {
		token = (
			await ok(
				api<{ access_token: string }>('POST', '/auth/login', {
					token: null,
					body: { email: lead.email, password: lead.password },
				}),
				'portal sign-in',
			)
		).access_token;
	});
	const ticket = await ok(
		api<{ id: number }>('POST', '/items/tickets', {
			token,
			body: { subject: 'Printer on fire', description: 'Smoke', customer: customer.id, contact: lead.id },
		}),
		'ticket',
	);
	await ok(
		api('POST', '/items/ticket_comments', { token, body: { ticket: ticket.id, body: 'Still burning' } }),
		'comment',
	);
	const upload = await fetch(`${instance.running?.url}/portal/api/tickets/${ticket.id}/attachments?filename=log.txt`, {
		method: 'POST',
		headers: { 'Authorization': `Bearer ${token}`, 'Content-Type': 'text/plain' },
		body: 'printer log',
	});
	expect(upload.status).toBe(201);
	await ok(api('PATCH', '/items/portal_settings', { body: { access_mode: 'public' } }), 'public mode');
	// A staff member holding the Portal staff policy, and a preset on a portal collection.
	const settings = await ok(
		api<{ staff_policy: string; public_policy: string; portal_role: string }>(
			'GET',
			'/items/portal_settings?fields=staff_policy,public_policy,portal_role',
		),
		'settings',
	);
	const staffPassword = randomBytes(12).toString('hex');
	const staff = await ok(
		api<{ id: string }>('POST', '/users', {
			body: {
				email: `staff-${randomBytes(4).toString('hex')}@example.com`,
				password: staffPassword,
				status: 'active',
				policies: { create: [{ policy: settings.staff_policy }] },
			},
		}),
		'staff',
	);
	await ok(
		api('POST', '/presets', { body: { collection: 'portal_groups', user: staff.id, layout: 'tabular' } }),
		'preset',
	);
	await eventually(async () => {
		const rows = (await instance.db('customers').select('portal_badge').where('id', customer.id)) as {
			portal_badge: string | null;
		}[];
		if (!rows[0]?.portal_badge) throw new Error('no customer badge yet');
	});
	const staffLogin = await ok(
		api<{ access_token: string }>('POST', '/auth/login', {
			token: null,
			body: {
				email: (await ok(api<{ email: string }>('GET', `/users/${staff.id}?fields=email`), 'staff')).email,
				password: staffPassword,
			},
		}),
		'staff sign-in',
	);
	return {
		customer: customer.id,
		ticket: ticket.id,
		contacts,
		settings,
		staff: { id: staff.id, token: staffLogin.access_token },
	};
}

/** Every trace of the product in Directus's tables and the database; empty after an uninstall. */
async function productTraces(db: Knex, { removeData }: { removeData: boolean }): Promise<string[]> {
	const traces: string[] = [];
	const note = (what: string, rows: unknown[]) => {
		if (rows.length > 0) traces.push(`${what}: ${JSON.stringify(rows)}`);
	};
	const portal = (column: string) => (query: Knex.QueryBuilder) =>
		query
			.where(column, 'like', 'portal\\_%')
			.orWhere(column, 'like', 'portal_%')
			.orWhere(column, 'in', ['portal', 'customer_tree', 'ticket_followers']);
	note('policies', await db('directus_policies').select('name').where('name', 'like', 'Portal %'));
	note('roles', await db('directus_roles').select('name').where('name', 'Portal contacts'));
	note('portal users', await db('directus_users').select('email').where('email', 'like', '%@portal.example.com'));
	note(
		'users without role that are no admin',
		await db('directus_users')
			.select('email')
			.whereNull('role')
			.whereNotIn('email', ['admin@example.com'])
			.where('email', 'not like', 'staff-%'),
	);
	note(
		'access rows of no policy',
		await db('directus_access').select('id').whereNotIn('policy', db('directus_policies').select('id')),
	);
	note(
		'permissions of no policy',
		await db('directus_permissions').select('id').whereNotIn('policy', db('directus_policies').select('id')),
	);
	const collections = ((await db('directus_collections').select('collection')) as { collection: string }[]).map(
		(row) => row.collection,
	);
	note(
		'collections',
		collections.filter((name) => name.startsWith('portal') || ['customer_tree', 'ticket_followers'].includes(name)),
	);
	note(
		'groups of no collection',
		await db('directus_collections')
			.select('collection', 'group')
			.whereNotNull('group')
			.whereNotIn('group', collections),
	);
	note('fields', await db('directus_fields').select('collection', 'field').where(portal('collection')));
	note(
		'fields of no collection',
		await db('directus_fields')
			.select('collection', 'field')
			.whereNotIn('collection', collections)
			.where('collection', 'not like', 'directus\\_%'),
	);
	note(
		'portal fields',
		await db('directus_fields')
			.select('collection', 'field')
			.whereIn('field', [
				'portal_tree_path',
				'portal_display_name',
				'portal_contacts',
				'portal_badge',
				'portal_group',
				'tree_path',
				'customer_path',
				'portal_conversation',
				'ticket_attachments',
				'project_attachments',
				'ancestors',
				'followers',
			]),
	);
	note(
		'relations',
		await db('directus_relations')
			.select('many_collection', 'many_field')
			.where(portal('many_collection'))
			.orWhere(portal('one_collection'))
			.orWhereIn('many_field', ['portal_badge', 'portal_group']),
	);
	note(
		'relation aliases',
		await db('directus_relations')
			.select('many_collection', 'one_field')
			.whereIn('one_field', ['portal_contacts', 'ticket_attachments', 'project_attachments', 'ancestors', 'followers']),
	);
	note('permissions', await db('directus_permissions').select('collection').where(portal('collection')));
	note('presets', await db('directus_presets').select('collection').where(portal('collection')));
	note('revisions', await db('directus_revisions').select('collection').where(portal('collection')));
	note('activity', await db('directus_activity').select('collection').where(portal('collection')));
	const existing = new Set(
		((await db('directus_policies').select('id').union(db('directus_roles').select('id'))) as { id: string }[]).map(
			(row) => String(row.id),
		),
	);
	const history = (await db('directus_activity')
		.select('collection', 'item')
		.whereIn('collection', ['directus_policies', 'directus_roles'])) as { collection: string; item: string }[];
	note(
		'history of removed policies and roles',
		history.filter((row) => !existing.has(String(row.item))),
	);
	note(
		'users with no role that exists',
		await db('directus_users')
			.select('email')
			.whereNotNull('role')
			.whereNotIn('role', db('directus_roles').select('id')),
	);
	const settings = (await db('directus_settings').select('module_bar').first()) as { module_bar: unknown } | undefined;
	if (JSON.stringify(settings?.module_bar ?? null).includes('customer-portal')) traces.push('module bar entry');
	for (const table of [
		'portal_groups',
		'portal_settings',
		'portal_invitations',
		'portal_audit',
		'portal_outbox',
		'portal_mail_optouts',
		'portal_inbox',
		'portal_ticket_ratings',
		'customer_tree',
		'ticket_followers',
		'portal_migrations',
		'portal_uninstall_pending',
	]) {
		if (await db.schema.hasTable(table)) traces.push(`table ${table}`);
	}
	if (db.client.config.client === 'sqlite3') {
		note('database objects', await db.raw("SELECT type, name FROM sqlite_master WHERE name LIKE 'portal%'"));
	} else {
		note('triggers', (await db.raw("SELECT tgname FROM pg_trigger WHERE tgname LIKE 'portal%'")).rows);
		note('functions', (await db.raw("SELECT proname FROM pg_proc WHERE proname LIKE 'portal%'")).rows);
		note('indexes', (await db.raw("SELECT relname FROM pg_class WHERE relkind = 'i' AND relname LIKE 'portal%'")).rows);
	}
	for (const [table, column] of [
		['customers', 'tree_path'],
		['customers', 'portal_badge'],
		['tickets', 'customer_path'],
		['contacts', 'portal_group'],
		['directus_policies', 'portal_tree_path'],
		['directus_users', 'portal_display_name'],
	] as const) {
		if ((await db.schema.hasTable(table)) && (await db.schema.hasColumn(table, column)))
			traces.push(`column ${table}.${column}`);
	}
	for (const table of keptCollections) {
		if ((await db.schema.hasTable(table)) === removeData)
			traces.push(`${table} ${removeData ? 'still there' : 'gone'}`);
	}
	return traces;
}

/** Starts Directus without the bundle: no warning or error in its log, and the admin reads what was kept. */
async function startsCleanWithoutBundle(instance: Instance, { removeData }: { removeData: boolean }): Promise<void> {
	await instance.stop();
	await uninstallBundle(instance.folder);
	await instance.start();
	// The first request after boot: anything Directus logs about the schema shows by then.
	const login = await ok(
		instance.api<{ access_token: string }>('POST', '/auth/login', { token: null, body: instance.options.admin }),
		'admin sign-in',
	);
	for (const collection of keptCollections) {
		const answer = await instance.api<unknown[]>('GET', `/items/${collection}?limit=5`, { token: login.access_token });
		expect(answer.status, collection).toBe(removeData ? 403 : 200);
	}
	expect((await instance.api('GET', '/portal/api/health')).status).toBe(404);
	// Directus warns on every start, bundle or not, that the database has no geometry extension: not ours.
	const geometryNotice = /"msg":"(Spatialite|PostGIS) isn't installed\. Geometry type support will be limited\."/;
	const noisy = (await instance.lastStartLog()).filter(
		(line) => (/"level":(4|5|6)\d/.test(line) || /\b(WARN|ERROR)\b/.test(line)) && !geometryNotice.test(line),
	);
	expect(noisy).toEqual([]);
}

describe('Uninstall through the command line', () => {
	const instance = new Instance();
	beforeAll(async () => {
		await instance.create();
		instance.used = await usePortal(instance);
	}, 240_000);
	afterAll(() => instance.destroy());

	test(
		'Removes everything of the product, keeps the help-desk data, and Directus starts clean without the bundle',
		{ timeout: 240_000 },
		async () => {
			await instance.stop();
			await runDirectusCli(instance.options, ['customer-portal', 'uninstall', '--yes']);
			const log = await readFile(instance.options.logFile, 'utf8');
			expect(log).toContain('removed collection portal_groups');
			expect(log).toContain('removed policy Portal staff');
			expect(await productTraces(instance.db, { removeData: false })).toEqual([]);

			// The data stays, the logins go, the staff member stays without the staff policy.
			const { contacts, ticket, staff } = instance.used;
			expect(
				(
					(await instance
						.db('contacts')
						.select('user')
						.whereIn(
							'id',
							contacts.map((contact) => contact.id),
						)) as { user: string | null }[]
				).map((row) => row.user),
			).toEqual([null, null]);
			expect(
				await instance
					.db('directus_users')
					.select('id')
					.whereIn(
						'id',
						contacts.map((contact) => contact.userId),
					),
			).toEqual([]);
			expect(await instance.db('directus_users').select('id').where('id', staff.id)).toHaveLength(1);
			expect(await instance.db('ticket_comments').select('body').where('ticket', ticket)).toEqual([
				{ body: 'Still burning' },
			]);
			expect(await instance.db('ticket_attachments').where('ticket', ticket)).toHaveLength(1);
			const { settings } = instance.used;
			expect(
				await instance
					.db('directus_access')
					.select('id')
					.whereIn('policy', [settings.public_policy, settings.staff_policy]),
			).toEqual([]);

			// Running it again changes nothing and fails nothing.
			await runDirectusCli(instance.options, ['customer-portal', 'uninstall', '--yes']);
			expect(await productTraces(instance.db, { removeData: false })).toEqual([]);

			await startsCleanWithoutBundle(instance, { removeData: false });
		},
	);
});

describe('Uninstall from the studio', () => {
	const instance = new Instance();
	beforeAll(async () => {
		await instance.create();
		instance.used = await usePortal(instance);
	}, 240_000);
	afterAll(() => instance.destroy());

	test('Is for admins only, and a wrong phrase removes nothing', async () => {
		const { staff } = instance.used;
		const asStaff = await instance.api('POST', '/portal/api/studio/uninstall', {
			token: staff.token,
			body: { confirm: uninstallConfirmation, removeData: true },
		});
		expect(asStaff.status).toBe(403);
		expect(
			(
				await instance.api('POST', '/portal/api/studio/uninstall', {
					token: null,
					body: { confirm: uninstallConfirmation },
				})
			).status,
		).toBe(403);
		const wrong = await instance.api('POST', '/portal/api/studio/uninstall', {
			body: { confirm: 'uninstall', removeData: true },
		});
		expect(wrong.status).toBe(400);
		expect(wrong.body.errors?.[0]?.extensions?.code).toBe('UNINSTALL_NOT_CONFIRMED');
		expect(await instance.db.schema.hasTable('portal_groups')).toBe(true);
		expect(await instance.db('directus_policies').where('name', 'Portal staff')).toHaveLength(1);
		const plan = await ok(
			instance.api<{
				confirmation: string;
				plan: { collections: string[]; fields: string[]; kept: string[]; users: unknown[] };
			}>('GET', '/portal/api/studio/uninstall'),
			'plan',
		);
		expect(plan.confirmation).toBe(uninstallConfirmation);
		// The portal's fields of the help desk that stays, the button to a ticket's conversation (no data) among them.
		expect(plan.plan.fields).toEqual(
			expect.arrayContaining(['customers.tree_path', 'tickets.customer_path', 'tickets.portal_conversation']),
		);
		expect(plan.plan.collections).toEqual(
			expect.arrayContaining(['portal_groups', 'portal_settings', 'customer_tree', 'ticket_followers']),
		);
		expect(plan.plan.kept).toEqual(expect.arrayContaining(keptCollections));
		expect(plan.plan.users).toHaveLength(2);
	});

	test(
		'Removes the product and, asked to, the help-desk data; Directus starts clean without the bundle',
		{ timeout: 240_000 },
		async () => {
			const done = await ok(
				instance.api<{ removed: string[] }>('POST', '/portal/api/studio/uninstall', {
					body: { confirm: uninstallConfirmation, removeData: true },
				}),
				'uninstall',
			);
			expect(done.removed).toEqual(
				expect.arrayContaining(['collection portal_groups', 'collection tickets', 'policy Portal public']),
			);
			// The running portal's own hooks (its doctor puts back what it manages) recreate nothing afterwards: once a
			// doctor run has found the portal uninstalled, every run before it is over and every later one stands down.
			await eventually(
				async () => {
					const doctor = await ok(instance.api<{ findings: { id: string }[] }>('GET', '/portal/api/doctor'), 'doctor');
					expect(doctor.findings.map((finding) => finding.id)).toContain('portal-uninstalled');
				},
				{ timeoutMs: 90_000 },
			);
			expect(await productTraces(instance.db, { removeData: true })).toEqual([]);
			await startsCleanWithoutBundle(instance, { removeData: true });
		},
	);
});
