/**
 * The portal put on a team's own collections, end to end, on a Directus of its own (a saved map changes the
 * whole installation): the second help desk is built through Directus's API, an admin saves its map, and
 * people of its organizations sign in and read exactly their cases — through reads and through predicates
 * over relations — and are invited by staff; invitations, the audit and unassigned requests follow the map, and
 * the bundled contacts' users lose the portal the map no longer gives them, until the bundled map is saved again.
 * The portal app on such a map, in Chromium: test/e2e/portal-on-map.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { createDirectus, readItems, rest, staticToken } from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ticketListFields } from '../../extensions/portal-app/src/lib/fields.ts';
import { mappedFetch } from '../../extensions/portal-app/src/lib/mapped-fetch.ts';
import type { PortalSchema } from '../../extensions/portal-app/src/lib/portal-schema.ts';
import type { Capabilities } from '../../extensions/portal-app/src/lib/portal-types.ts';
import { openTicketStatuses, ticketTabFilter } from '../../extensions/portal-app/src/lib/ticket-scopes.ts';
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
import { bundledDataMap, type DataMap } from '../../src/data-map/data-map.ts';
import type { DataMapAddition, DataMapProblem } from '../../src/data-map/data-map-problem.ts';
import { type MailSink, startMailSink, waitForMail } from '../../scripts/lib/mail-sink.ts';
import { detachedKeyName } from '../../src/data-map/point-product-relations-at.ts';
import { apiAt, databaseAt } from '../support/directus-under-test.ts';
import { eventually } from '../support/eventually.ts';
import { expectRefused } from '../support/expect-refused.ts';
import { createSecondSchema } from '../support/second-schema/create-second-schema.ts';
import { secondSchemaFacts } from '../support/second-schema/second-schema-facts.ts';
import { secondSchemaMap } from '../support/second-schema/second-schema-map.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { showLogOnFailure } from '../support/log-on-failure.ts';

let folder: string;
let database: TestDatabase;
let options: DirectusInstanceOptions;
let running: RunningDirectus | null = null;
let db: Knex;
let mail: MailSink | undefined;
let mailFolder: string;
const adminToken = randomBytes(24).toString('hex');
const call = apiAt(
	() => running?.url ?? '',
	() => adminToken,
);

const dataMap = '/portal/api/studio/data-map';

showLogOnFailure('its own Directus', () => options?.logFile);

async function ok<T>(answer: Promise<{ status: number; body: { data?: T } }>, what: string): Promise<T> {
	const { status, body } = await answer;
	if (status !== 200 || body.data === undefined) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
	return body.data;
}

const groupId = async (name: string) =>
	(await ok(call<{ id: number }[]>('GET', `/items/portal_groups?filter[name][_eq]=${name}&fields=id`), name))[0]
		?.id as number;

interface Login {
	email: string;
	password: string;
}

/** A Directus user with a password and no role, as staff create one before linking it to a contact. */
async function createLogin(): Promise<Login & { id: string }> {
	const login = {
		email: `${randomBytes(6).toString('hex')}@people.example.com`,
		password: randomBytes(12).toString('hex'),
	};
	const user = await ok(call<{ id: string }>('POST', '/users', { body: { ...login, status: 'active' } }), 'user');
	return { ...login, id: user.id };
}

/** A JSON column as knex returns it: parsed on PostgreSQL, text on SQLite. */
const parsed = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;

async function tokenOf(login: Login): Promise<string> {
	let token = '';
	await eventually(async () => {
		const answer = await call<{ access_token: string }>('POST', '/auth/login', { token: null, body: login });
		expect(answer.status).toBe(200);
		token = answer.body.data?.access_token ?? '';
	});
	return token;
}

const ids = (rows: { id: number }[] | undefined) => (rows ?? []).map((row) => row.id).sort((a, b) => a - b);

/** The cases a token reads with `query` appended (`filter`, `search`, …), by id. */
const casesRead = async (token: string, query = '') =>
	ids((await call<{ id: number }[]>('GET', `/items/cases?fields=id&limit=-1${query}`, { token })).body.data);

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'portal-data-map-'));
	database = await createTestDatabase(folder);
	const [port, smtpPort] = [await freePort(), await freePort()];
	mailFolder = join(folder, 'mail');
	mail = await startMailSink(mailFolder, smtpPort);
	options = throwAwayInstanceOptions(folder, database.config, port, {
		ADMIN_TOKEN: adminToken,
		...mailSinkEnv(smtpPort, port),
	});
	await installBundle(folder);
	await bootstrap(options);
	running = await startDirectus(options, { timeoutMs: 120_000 });
	db = databaseAt(database.config);
	// Its organizations keyed by uuid, as the studio offers; the leak oracle on the map has them keyed both ways.
	await createSecondSchema(call, secondSchemaFacts('pg', 'uuid'));
}, 600_000);

afterAll(async () => {
	await running?.stop();
	await mail?.stop();
	await db?.destroy();
	await database?.drop();
	if (folder) await rm(folder, { recursive: true, force: true });
});

describe('Saving a data map', () => {
	let bundledLogin: Login;
	/** A bundled customer and the contact invited before the map moved them. */
	const bundled = { customer: 0, invited: 0 };
	/** What the reading test leaves for the writing one: a manager of the child organization, and cases. */
	const world = {
		childToken: '',
		childManager: '',
		child: 0,
		childCase: 0,
		childCase2: 0,
		otherCase: 0,
		invitedPerson: '',
	};

	beforeAll(async () => {
		// A contact of the bundled help desk with a login, using the portal before the map moves it.
		const customer = await ok(
			call<{ id: number }>('POST', '/items/customers', { body: { name: 'Bundled' } }),
			'customer',
		);
		const login = await createLogin();
		await ok(
			call('POST', '/items/contacts', {
				body: { customer: customer.id, last_name: 'Bundled', email: login.email, user: login.id },
			}),
			'contact',
		);
		bundledLogin = login;
		const me = await call('GET', '/portal/api/me', { token: await tokenOf(login) });
		expect(me.status).toBe(200);

		const invited = await ok(
			call<{ id: number }>('POST', '/items/contacts', {
				body: {
					customer: customer.id,
					last_name: 'Invited',
					email: `${randomBytes(6).toString('hex')}@bundled.example.com`,
				},
			}),
			'invited contact',
		);
		expect((await call('POST', '/portal/api/invitations', { body: { contact: invited.id } })).status).toBe(201);
		Object.assign(bundled, { customer: customer.id, invited: invited.id });

		// A request from an unknown sender, filed under the bundled customer for unassigned requests.
		const stranger = `${randomBytes(6).toString('hex')}@nowhere.example.org`;
		await ok(call('PATCH', '/items/portal_settings', { body: { access_mode: 'public' } }), 'public access');
		await call('POST', '/portal/api/public/requests', {
			token: null,
			body: { name: 'Early Bird', email: stranger, subject: 'Before the map' },
		});
		await waitForMail(mailFolder, stranger);
		expect((await db('portal_settings').first()).unassigned_customer).not.toBeNull();
		await ok(call('PATCH', '/items/portal_settings', { body: { access_mode: 'registered_only' } }), 'registered only');
	});

	test('Is for admins only; a map that does not fit is refused, naming the field, and changes nothing', async () => {
		const before = await db('portal_settings').select('data_map');
		const contactToken = await tokenOf(bundledLogin);
		for (const token of [contactToken, null])
			expectRefused(await call('PUT', dataMap, { token, body: { map: secondSchemaMap() } }), `PUT ${dataMap}`);

		const misfit: DataMap = secondSchemaMap();
		misfit.tickets = { ...misfit.tickets!, fields: { ...misfit.tickets!.fields, customer: 'title' } };
		const refused = await call<unknown>('PUT', dataMap, { body: { map: misfit } });
		expect(refused.status).toBe(400);
		const problems = (
			refused.body['errors'] as unknown as { extensions: { code: string; problems: DataMapProblem[] } }[]
		)[0]?.extensions;
		expect(problems?.code).toBe('INVALID_DATA_MAP');
		expect(problems?.problems).toContainEqual(
			expect.objectContaining({ object: 'tickets', role: 'customer', field: 'title' }),
		);

		expect(await db('portal_settings').select('data_map')).toEqual(before);
		expect(await db('directus_fields').where('collection', 'organizations').where('field', 'like', 'portal_%')).toEqual(
			[],
		);
	});

	test('Adds the product’s fields, compiles every group onto the team’s collections, and is audited', async () => {
		// On the bundled help desk every column the rules filter by is indexed; the team's, made through Directus's
		// API without indexes, are not: the check names the indexes a save adds.
		const findingIds = async () =>
			(await ok(call<{ findings: { id: string }[] }>('GET', '/portal/api/doctor'), 'doctor')).findings.map(
				({ id }) => id,
			);
		expect(await findingIds()).not.toContain('data-map-unindexed');
		const checked = await ok(
			call<{ indexes: { name: string; collection: string; column: string }[] }>('POST', `${dataMap}/check`, {
				body: { map: secondSchemaMap() },
			}),
			'check',
		);
		const wanted = [
			'cases.account',
			'cases.opened_by',
			'people.org',
			'people.directus_user',
			'organizations.parent_org',
		];
		expect(checked.indexes.map(({ collection, column }) => `${collection}.${column}`)).toEqual(
			expect.arrayContaining(wanted),
		);
		expect(checked.indexes.find(({ column }) => column === 'account')?.name).toBe('portal_ix_cases_account');

		// People the team linked to Directus users before the portal came: one user without a role, one who works as
		// staff.
		const before = await ok(
			call<{ id: number }>('POST', '/items/organizations', { body: { label: 'Linked before' } }),
			'organization',
		);
		const linkedBefore = await createLogin();
		const staffLogin = await createLogin();
		const helpDesk = await ok(call<{ id: string }>('POST', '/roles', { body: { name: 'Help desk' } }), 'role');
		await ok(call('PATCH', `/users/${staffLogin.id}`, { body: { role: helpDesk.id } }), 'staff role');
		for (const [login, family] of [
			[linkedBefore, 'Linked'],
			[staffLogin, 'Staffer'],
		] as const)
			await ok(
				call('POST', '/items/people', {
					body: { family_name: family, email: login.email, org: before.id, directus_user: login.id },
				}),
				'person',
			);

		const saved = await call<{ additions: DataMapAddition[]; users: { adopted: number; staff: string[] } }>(
			'PUT',
			dataMap,
			{ body: { map: secondSchemaMap() } },
		);
		expect(saved.status, JSON.stringify(saved.body)).toBe(200);
		expect(saved.body.data?.users).toEqual({ adopted: 1, staff: [staffLogin.email] });
		const portalRole = (await db('portal_settings').first('portal_role')).portal_role as string;
		const roleOf = async (id: string) => (await db('directus_users').where('id', id).first('role', 'status')) as object;
		expect(await roleOf(linkedBefore.id)).toEqual({ role: portalRole, status: 'active' });
		expect(await roleOf(staffLogin.id)).toEqual({ role: helpDesk.id, status: 'active' });
		// The person linked before signs in to the portal, in the default group.
		const linkedToken = await tokenOf(linkedBefore);
		expect((await call('GET', '/portal/api/me', { token: linkedToken })).status).toBe(200);
		expect(saved.body.data?.additions.map(({ collection, field }) => `${collection}.${field}`)).toEqual(
			expect.arrayContaining(['organizations.portal_tree_path', 'people.portal_group', 'directus_users.portal_people']),
		);

		const page = await ok(
			call<{ stored: boolean; problems: unknown[]; additions: unknown[] }>('GET', dataMap),
			'the data map page',
		);
		expect(page).toMatchObject({ stored: true, problems: [], additions: [], indexes: [] });
		// The staff user left as it is lacks nothing: no finding to put right (and no repair audited) every minute.
		expect(await findingIds()).not.toContain('data-map-unindexed');
		expect(await findingIds()).not.toContain('group-access-missing');

		const manager = await ok(
			call<{ policy: string }>('GET', `/items/portal_groups/${await groupId('Manager')}?fields=policy`),
			'group',
		);
		const collections = new Set(
			(
				(await db('directus_permissions').select('collection').where('policy', manager.policy)) as {
					collection: string;
				}[]
			).map((row) => row.collection),
		);
		expect(collections.has('cases')).toBe(true);
		expect(collections.has('tickets')).toBe(false);
		expect(collections.has('customers')).toBe(false);

		const audit = await db('portal_audit').where('action', 'data_map.saved');
		expect(audit).toHaveLength(1);
		expect(parsed(audit[0].details)['moved_relations']).toEqual(
			expect.arrayContaining(['portal_invitations.contact', 'portal_audit.actor_contact', 'portal_audit.customer']),
		);
		expect(parsed(audit[0].details)['added_indexes']).toEqual(checked.indexes.map(({ name }) => name));
		expect(parsed(audit[0].details)).toMatchObject({ adopted_users: 1, staff_users_left: [staffLogin.email] });

		// The invitation sent to a bundled contact is withdrawn; what the audit said of it stays, its keys in its details.
		expect(Number((await db('portal_invitations').count({ count: '*' }).first())?.count)).toBe(0);
		const sent = await db('portal_audit').where('action', 'invitation.sent').first();
		expect({ customer: sent.customer, actor_contact: sent.actor_contact }).toEqual({
			customer: null,
			actor_contact: null,
		});
		expect(parsed(sent.details)[detachedKeyName('customer')]).toEqual({
			collection: 'customers',
			key: bundled.customer,
		});
		const doctor = await ok(call<{ open: boolean; findings: { id: string }[] }>('GET', '/portal/api/doctor'), 'doctor');
		expect(doctor.findings.map((finding) => finding.id)).not.toContain('data-map-invalid');
	});

	test('A column the rules filter by that loses its index is a warning (the portal stays open); saving the map again indexes it', async () => {
		await db.raw('DROP INDEX portal_ix_cases_account');
		const portalName = (await db('portal_settings').first('portal_name')).portal_name as string;
		await ok(
			call('PATCH', '/items/portal_settings', { body: { portal_name: portalName } }),
			'a change the doctor watches',
		);
		const finding = await eventually(async () => {
			const doctor = await ok(
				call<{ open: boolean; findings: { id: string; severity: string; problem: string }[] }>(
					'GET',
					'/portal/api/doctor',
				),
				'doctor',
			);
			const found = doctor.findings.find(({ id }) => id === 'data-map-unindexed');
			expect(found).toBeDefined();
			expect(doctor.open).toBe(true);
			return found!;
		});
		expect(finding).toMatchObject({ severity: 'warning' });
		expect(finding.problem).toContain('cases.account');
		const page = await ok(call<{ indexes: { name: string }[] }>('GET', dataMap), 'the data map page');
		expect(page.indexes.map(({ name }) => name)).toEqual(['portal_ix_cases_account']);

		expect((await call('PUT', dataMap, { body: { map: secondSchemaMap() } })).status).toBe(200);
		expect((await ok(call<{ indexes: unknown[] }>('GET', dataMap), 'the data map page')).indexes).toEqual([]);
	});

	test('People sign in and read exactly their cases, through reads and through predicates over relations', async () => {
		const org = async (label: string, parent: number | null) =>
			(
				await ok(
					call<{ id: number }>('POST', '/items/organizations', {
						body: { label, parent_org: parent, share_with_parent: true },
					}),
					label,
				)
			).id;
		const parent = await org('Parent org', null);
		const child = await org('Child org', parent);
		const other = await org('Other org', null);
		const person = async (orgId: number, group: string) => {
			const login = await createLogin();
			const created = await ok(
				call<{ uuid: string }>('POST', '/items/people', {
					body: {
						given_name: group,
						family_name: 'Person',
						email: login.email,
						org: orgId,
						directus_user: login.id,
						portal_group: await groupId(group),
					},
				}),
				'person',
			);
			return { ...login, uuid: created.uuid };
		};
		const parentAdmin = await person(parent, 'Administrator');
		const childManager = await person(child, 'Manager');
		const otherBasic = await person(other, 'Basic');
		const stranger = await person(other, 'Basic');
		const kase = async (title: string, account: number, openedBy: string | null) =>
			(
				await ok(
					call<{ id: number }>('POST', '/items/cases', {
						body: { title, account, opened_by: openedBy, state: 'open' },
					}),
					title,
				)
			).id;
		const parentCase = await kase('Parent case', parent, parentAdmin.uuid);
		const childCase = await kase('Child case', child, childManager.uuid);
		const childCase2 = await kase('Child case 2', child, null);
		const ownCase = await kase('Own case', other, otherBasic.uuid);
		await kase('Stranger case', other, stranger.uuid);

		const parentToken = await tokenOf(parentAdmin);
		const childToken = await tokenOf(childManager);
		const basicToken = await tokenOf(otherBasic);
		await eventually(async () => {
			expect(await casesRead(parentToken)).toEqual([parentCase, childCase, childCase2].sort((a, b) => a - b));
			expect(await casesRead(childToken)).toEqual([childCase, childCase2].sort((a, b) => a - b));
			expect(await casesRead(basicToken)).toEqual([ownCase]);
		});

		// Predicates an outsider asks: through the case's account, its opener, a search, a count.
		expect(await casesRead(childToken, `&filter[account][label][_eq]=Other org`)).toEqual([]);
		expect(await casesRead(basicToken, `&filter[opened_by][email][_eq]=${encodeURIComponent(stranger.email)}`)).toEqual(
			[],
		);
		expect(await casesRead(basicToken, '&search=Stranger')).toEqual([]);
		const count = await call<{ count: number | string }[]>('GET', '/items/cases?aggregate[count]=*', {
			token: childToken,
		});
		expect(Number(count.body.data?.[0]?.count)).toBe(2);
		const graphql = await call<{ cases: { id: string }[] }>('POST', '/graphql', {
			token: basicToken,
			body: { query: '{ cases { id title } }' },
		});
		expect(graphql.body.data?.cases.map((row) => Number(row.id))).toEqual([ownCase]);

		// The organizations stay a tree, and their tree path is the triggers' alone, whoever writes.
		const codeOf = (answer: { status: number; body: { errors?: { extensions?: { code?: string } }[] } }) => [
			answer.status,
			answer.body.errors?.[0]?.extensions?.code,
		];
		expect(codeOf(await call('PATCH', `/items/organizations/${parent}`, { body: { parent_org: child } }))).toEqual([
			400,
			'CUSTOMER_CYCLE',
		]);
		expect(codeOf(await call('PATCH', `/items/organizations/${child}`, { body: { parent_org: child } }))).toEqual([
			400,
			'CUSTOMER_CYCLE',
		]);
		// A uuid named in upper case is the same organization (PostgreSQL reads it so).
		expect(
			codeOf(
				await call('PATCH', `/items/organizations/${String(parent).toUpperCase()}`, { body: { parent_org: child } }),
			),
		).toEqual([400, 'CUSTOMER_CYCLE']);
		expect(
			codeOf(
				await call('PATCH', `/items/organizations/${parent}`, { body: { parent_org: String(child).toUpperCase() } }),
			),
		).toEqual([400, 'CUSTOMER_CYCLE']);
		expect(codeOf(await call('PATCH', `/items/organizations/${child}`, { body: { portal_tree_path: '/1/' } }))).toEqual(
			[403, 'CUSTOMER_TREE_READ_ONLY'],
		);
		expect((await db('organizations').where('id', parent).first()).parent_org).toBeNull();

		// The team's own collections the map does not name stay closed to them.
		expectRefused(await call('GET', '/items/customers', { token: childToken }), 'GET /items/customers');
		expectRefused(await call('GET', '/items/tickets', { token: childToken }), 'GET /items/tickets');
		Object.assign(world, {
			childToken,
			childManager: childManager.uuid,
			child,
			childCase,
			childCase2,
			otherCase: ownCase,
		});
	});

	test('The studio module gets the saved map’s names; a person of the team does not', async () => {
		const answer = await call<{ map: DataMap | null }>('GET', '/portal/api/studio/map');
		expect(answer.status).toBe(200);
		expect(answer.body.data?.map).toMatchObject({
			customers: { collection: 'organizations', fields: { parent: 'parent_org' } },
			contacts: { collection: 'people', fields: { user: 'directus_user' } },
			tickets: { collection: 'cases' },
			projects: null,
		});
		expectRefused(
			await call('GET', '/portal/api/studio/map', { token: world.childToken }),
			'GET /portal/api/studio/map',
		);
	});

	test('The portal app’s own queries, translated by its client, read the cases in the app’s names', async () => {
		const me = await ok(
			call<{ data_map: DataMap | null; capabilities: Capabilities; contact: { id: string }; customer: { id: number } }>(
				'GET',
				'/portal/api/me',
				{ token: world.childToken },
			),
			'me',
		);
		expect(me.data_map?.tickets?.collection).toBe('cases');
		// The team has no projects, devices or invoices: the app is not offered their pages.
		expect(me.capabilities).toMatchObject({
			'projects.view': 'none',
			'devices.access': 'none',
			'invoices.view': false,
		});
		expect(me.capabilities['tickets.view']).toBe('customer');
		const client = createDirectus<PortalSchema>(running?.url ?? '', {
			globals: { fetch: mappedFetch(() => me.data_map, globalThis.fetch) },
		})
			.with(staticToken(world.childToken))
			.with(rest());
		const filter = ticketTabFilter(
			'company',
			{ contact: me.contact.id as never, customer: me.customer.id },
			me.capabilities['tickets.view'],
		);
		const rows = await client.request(
			readItems('tickets', {
				fields: ticketListFields(me.capabilities),
				...(filter ? { filter } : {}),
				sort: ['-date_updated', '-date_created', '-id'],
			}),
		);
		expect(rows.map((row) => row.id).sort((a, b) => a - b)).toEqual(
			[world.childCase, world.childCase2].sort((a, b) => a - b),
		);
		const read = rows.find((row) => row.id === world.childCase);
		expect(read).toMatchObject({ subject: 'Child case', status: 'open', customer: { name: 'Child org' } });
		const open = await client.request(
			readItems('tickets', { fields: ['id'], filter: { status: { _in: openTicketStatuses } } }),
		);
		expect(open.map((row) => row.id)).toContain(world.childCase);
	});

	test('People write through the map: a case they open is their organization’s and theirs, a message never private', async () => {
		const { childToken: token } = world;
		const opened = await call<{ id: number }>('POST', '/items/cases', {
			token,
			body: { title: 'Opened in the portal' },
		});
		expect(opened.status, JSON.stringify(opened.body)).toBe(200);
		const stored = await db('cases').where('id', opened.body.data?.id).first();
		expect({ account: stored.account, opened_by: stored.opened_by }).toEqual({
			account: world.child,
			opened_by: world.childManager,
		});
		// The team's state field has no default: the portal gives the new case the value meaning `new`.
		await eventually(async () =>
			expect((await db('cases').where('id', opened.body.data?.id).first()).state).toBe('new'),
		);
		// Staff hear of it in Directus's notifications, linked to the team's case (no one holds the Portal staff
		// policy here: the admins do).
		await eventually(async () =>
			expect(
				(
					await call<{ subject: string }[]>(
						'GET',
						`/notifications?filter[collection][_eq]=cases&filter[item][_eq]=${opened.body.data?.id}&fields=subject`,
					)
				).body.data?.map((notice) => notice.subject.includes('opened a ticket')),
			).toEqual([true]),
		);

		const message = await call<{ id: number }>('POST', '/items/case_messages', {
			token,
			body: { case: world.childCase, text: 'Any news?', private: true },
		});
		expect(message.status, JSON.stringify(message.body)).toBe(200);
		const written = await db('case_messages').where('id', message.body.data?.id).first();
		expect({ private: Boolean(written.private), author: written.author }).toEqual({
			private: false,
			author: world.childManager,
		});

		// A case of another organization takes no message from them, and nothing is written.
		const before = await db('case_messages').count({ count: '*' }).first();
		expectRefused(
			await call('POST', '/items/case_messages', { token, body: { case: world.otherCase, text: 'Let me in' } }),
			'a message on another organization’s case',
		);
		expect(await db('case_messages').count({ count: '*' }).first()).toEqual(before);

		// Staff who do not say: the team's `private` defaults to false, the message is private all the same, and theirs.
		const admin = (await ok(call<{ id: string }>('GET', '/users/me?fields=id'), 'the admin')).id;
		const note = await ok(
			call<{ id: number }>('POST', '/items/case_messages', { body: { case: world.childCase, text: 'Check the fuse' } }),
			'a staff message',
		);
		const noted = await db('case_messages').where('id', note.id).first();
		expect({ private: Boolean(noted.private), staff_author: noted.staff_author }).toEqual({
			private: true,
			staff_author: admin,
		});
	});

	test('Staff answer a case on the studio’s conversation: read and written in the team’s names; the person reads the reply, named, never the note', async () => {
		const { childToken: token } = world;
		const base = `/portal/api/studio/tickets/${world.childCase}`;
		const write = async (body: string, internal: boolean) => {
			const answer = await call<{ id: number }>('POST', `${base}/replies`, { body: { body, internal } });
			expect(answer.status, JSON.stringify(answer.body)).toBe(201);
			return answer.body.data as { id: number };
		};
		const reply = await write('Fuse replaced.', false);
		const note = await write('Bill them for the fuse', true);
		const admin = await ok(
			call<{ id: string; first_name: string | null; last_name: string | null }>(
				'GET',
				'/users/me?fields=id,first_name,last_name',
			),
			'the admin',
		);
		// Stored in the team's columns, as the staff member.
		const stored = await db('case_messages').whereIn('id', [reply.id, note.id]).orderBy('id');
		expect(
			stored.map((row) => ({ text: row.text, private: Boolean(row.private), staff_author: row.staff_author })),
		).toEqual([
			{ text: 'Fuse replaced.', private: false, staff_author: admin.id },
			{ text: 'Bill them for the fuse', private: true, staff_author: admin.id },
		]);
		const conversation = await ok(
			call<{
				ticket: { id: number; status: string };
				entries: { id: number; body: string; internal: boolean; author: { kind: string } }[];
			}>('GET', `${base}/conversation`),
			'the conversation',
		);
		expect(conversation.ticket.id).toBe(world.childCase);
		expect(['new', 'open', 'pending', 'resolved', 'closed']).toContain(conversation.ticket.status);
		expect(conversation.entries.slice(-2)).toMatchObject([
			{ id: reply.id, body: 'Fuse replaced.', internal: false, author: { kind: 'staff' } },
			{ id: note.id, body: 'Bill them for the fuse', internal: true, author: { kind: 'staff' } },
		]);
		// The person reads the reply, never the note; the reply is named as the settings name staff.
		const read = await ok(
			call<{ id: number }[]>('GET', `/items/case_messages?filter[case][_eq]=${world.childCase}&fields=id`, { token }),
			'the case’s messages',
		);
		expect(read.map((row) => row.id)).toContain(reply.id);
		expect(read.map((row) => row.id)).not.toContain(note.id);
		const names = await ok(
			call<Record<string, string>>('GET', `/portal/api/tickets/${world.childCase}/staff-names`, { token }),
			'the staff names',
		);
		expect(names[String(reply.id)]).toBe(
			[admin.first_name, admin.last_name].filter(Boolean).join(' ') || 'Service team',
		);
		expect(names[String(note.id)]).toBeUndefined();
	});

	test('Staff invite a person of the team’s collection: the link sets a password and the person reads their cases', async () => {
		const email = `${randomBytes(6).toString('hex')}@people.example.com`;
		const person = await ok(
			call<{ uuid: string }>('POST', '/items/people', {
				body: {
					given_name: 'Invited',
					family_name: 'Person',
					email,
					org: world.child,
					portal_group: await groupId('Manager'),
				},
			}),
			'person',
		);
		const invitation = await call<{ contact: string; email_status: string }>('POST', '/portal/api/invitations', {
			body: { contact: person.uuid },
		});
		expect(invitation.status, JSON.stringify(invitation.body)).toBe(201);
		expect(invitation.body.data).toMatchObject({ contact: person.uuid, email_status: 'queued' });
		const token = /accept-invitation\?token=([A-Za-z0-9_-]{43})/.exec((await waitForMail(mailFolder, email)).text)?.[1];
		const accepted = await call('POST', '/portal/api/invitations/accept', {
			token: null,
			body: { token, password: 'invited-person-1' },
		});
		expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
		const personToken = await tokenOf({ email, password: 'invited-person-1' });
		expect(await casesRead(personToken)).toContain(world.childCase);
		expect(await casesRead(personToken)).not.toContain(world.otherCase);

		// The audit names the person and their organization, in the team's collections.
		const entries = await db('portal_audit')
			.whereIn('action', ['invitation.sent', 'invitation.accepted'])
			.where('customer', world.child)
			.orderBy('id');
		expect(entries.map((entry: { action: string; actor_contact: string | null }) => entry.action)).toEqual([
			'invitation.sent',
			'invitation.accepted',
		]);
		expect(entries[1].actor_contact).toBe(person.uuid);
		world.invitedPerson = person.uuid;
	});

	test('A request from an unknown sender is filed under an organization of the team’s for unassigned requests', async () => {
		expect((await call('PATCH', '/items/portal_settings', { body: { access_mode: 'public' } })).status).toBe(200);
		const email = `${randomBytes(6).toString('hex')}@nowhere.example.org`;
		const answer = await call('POST', '/portal/api/public/requests', {
			token: null,
			body: { name: 'Una Known', email, subject: 'Help from outside', description: 'Please help.' },
		});
		expect(answer.status, JSON.stringify(answer.body)).toBe(202);
		// The route answers first and files after: the mail is the sign that the work is done.
		expect((await waitForMail(mailFolder, email)).subject).toMatch(/^We received your request #\d+: Help from outside/);
		const filed = await db('cases').where('title', 'Help from outside').first();
		const unassigned = await db('organizations').where('id', filed.account).first();
		expect(unassigned.label).toBe('Unassigned requests');
		expect((await db('portal_settings').first()).unassigned_customer).toBe(unassigned.id);
		expect((await call('PATCH', '/items/portal_settings', { body: { access_mode: 'registered_only' } })).status).toBe(
			200,
		);
	});

	test('Directus starts again on the saved map: the portal opens and people read what they read before', async () => {
		await running?.stop();
		running = await startDirectus(options, { timeoutMs: 120_000 });
		await eventually(async () => {
			const doctor = await ok(
				call<{ open: boolean; checked_at: string | null }>('GET', '/portal/api/doctor'),
				'doctor',
			);
			expect(doctor).toMatchObject({ open: true, checked_at: expect.any(String) });
		});
		const cases = await casesRead(world.childToken);
		expect(cases).toContain(world.childCase);
		expect(cases).not.toContain(world.otherCase);
	});

	test('The bundled contacts’ users lose the portal the map no longer gives them', async () => {
		const answer = await call('POST', '/auth/login', { token: null, body: bundledLogin });
		expect(answer.status).not.toBe(200);
	});

	test('Saving the bundled map again puts invitations and the audit back on the help desk’s collections', async () => {
		const saved = await call<{ users: { adopted: number } }>('PUT', dataMap, { body: { map: bundledDataMap() } });
		expect(saved.status, JSON.stringify(saved.body)).toBe(200);
		expect((await db('portal_settings').first()).data_map).toBeNull();
		// The bundled contact's login the second map took away is given back: the portal role, active again; its
		// password was taken with it, so it signs in after a password reset.
		expect(saved.body.data?.users.adopted).toBeGreaterThanOrEqual(1);
		const portalRole = (await db('portal_settings').first('portal_role')).portal_role as string;
		const back = await db('directus_users').where('email', bundledLogin.email).first('role', 'status');
		expect(back).toEqual({ role: portalRole, status: 'active' });

		// What the audit said of the person stays, their uuid in the entry's details.
		const accepted = await db('portal_audit').where('action', 'invitation.accepted').orderBy('id', 'desc').first();
		expect(accepted.actor_contact).toBeNull();
		expect(parsed(accepted.details)[detachedKeyName('actor_contact')]).toEqual({
			collection: 'people',
			key: world.invitedPerson,
		});

		// A bundled contact is invited, sets a password and signs in to the portal.
		const email = `${randomBytes(6).toString('hex')}@bundled.example.com`;
		const contact = await ok(
			call<{ id: number }>('POST', '/items/contacts', {
				body: { customer: bundled.customer, last_name: 'Back', email },
			}),
			'contact',
		);
		expect((await call('POST', '/portal/api/invitations', { body: { contact: contact.id } })).status).toBe(201);
		const token = /accept-invitation\?token=([A-Za-z0-9_-]{43})/.exec((await waitForMail(mailFolder, email)).text)?.[1];
		const answer = await call('POST', '/portal/api/invitations/accept', {
			token: null,
			body: { token, password: 'bundled-again-1' },
		});
		expect(answer.status, JSON.stringify(answer.body)).toBe(200);
		const me = await call('GET', '/portal/api/me', { token: await tokenOf({ email, password: 'bundled-again-1' }) });
		expect(me.status).toBe(200);
	});
});
