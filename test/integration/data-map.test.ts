/**
 * The data map against a real Directus: admins (and only admins) read the map the portal runs on, checked
 * against the live schema; a second, differently shaped help desk built through Directus's API has the facts
 * the unit tests assume, and its map checks and previews onto its own collections; maps that do not fit are
 * refused, naming object, role and field, and change nothing; a stored map that no longer fits closes the
 * portal until it is cleared, while the Data map page still answers admins.
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CompiledPermission } from '../../src/compiler/types.ts';
import { bundledDataMap, type DataMap } from '../../src/data-map/data-map.ts';
import type { DataMapAddition, DataMapProblem } from '../../src/data-map/data-map-problem.ts';
import { objectNames } from '../../src/data-map/object-specs.ts';
import type { SchemaFacts } from '../../src/data-map/schema-facts.ts';
import { api, createRow, directDatabase, directusUnderTest } from '../support/directus-under-test.ts';
import { eventually } from '../support/eventually.ts';
import { expectRefused } from '../support/expect-refused.ts';
import { createPortalContact, signIn, tokenOf, uniqueName } from '../support/portal-users.ts';
import { createSecondSchema, ownCollectionsOf } from '../support/second-schema/create-second-schema.ts';
import { factsOf, liveSchemaFacts } from '../support/second-schema/live-schema-facts.ts';
import { secondSchemaFacts } from '../support/second-schema/second-schema-facts.ts';
import { secondSchemaMap } from '../support/second-schema/second-schema-map.ts';
import { createStudioUser } from '../support/studio.ts';

interface DataMapPage {
	map: DataMap;
	stored: boolean;
	problems: DataMapProblem[];
	additions: DataMapAddition[];
	objects: { name: string }[];
	schema: SchemaFacts;
}

interface CheckAnswer {
	map: DataMap;
	additions: DataMapAddition[];
	preview: CompiledPermission[];
}

interface Doctor {
	open: boolean;
	findings: { id: string; severity: string; problem: string; fix: string }[];
}

const page = '/portal/api/studio/data-map';
const check = '/portal/api/studio/data-map/check';
const readPage = async (token?: string | null) => api<DataMapPage>('GET', page, token === undefined ? {} : { token });
const doctor = async () => (await api<Doctor>('GET', '/portal/api/doctor')).body.data;
const health = async () => (await api('GET', '/portal/api/health', { token: null })).body['status'];

/**
 * The second schema's map as a team adopting it stores it in a Directus that also has the bundled help desk
 * (as every Directus running the portal has): the bundled `ticket_followers` follow `tickets` and users list
 * their bundled contacts as `portal_contacts`, so the product keeps the cases' followers and a user's people
 * under names of its own (`secondSchemaMap` does). Changed by `change`, as staff would send it.
 */
function adoptedMapWith(change: (map: DataMap) => void = () => {}): DataMap {
	const map = secondSchemaMap();
	change(map);
	return map;
}

/** A problem at `object.role` naming `field`, whose message holds `words`. */
const problemAt = (object: string, role: string, field: string, words: string) => ({
	object,
	role,
	field,
	message: expect.stringContaining(words),
});

let db: Knex;
let staffToken: string;
let contactToken: string;

/** What a check must leave as it was: the settings row, every permission row, the collections, the second schema's fields. */
async function untouched() {
	return {
		settings: await db('portal_settings').select('*'),
		collections: await db('directus_collections').orderBy('collection').pluck('collection'),
		permissions: await db('directus_permissions').select('*').orderBy('id'),
		fields: await db('directus_fields')
			.select('collection', 'field', 'special')
			.whereIn('collection', ownCollectionsOf(secondSchemaFacts()))
			.orderBy('id'),
	};
}

beforeAll(async () => {
	db = directDatabase();
	const customer = (await createRow('customers', { name: uniqueName('Data map') })).id;
	contactToken = await tokenOf(await createPortalContact(customer, 'Administrator'));
	// A staff member who runs the portal without being a Directus admin: the Portal staff policy through a role.
	const settings = await api<{ staff_policy: string }>('GET', '/items/portal_settings?fields=staff_policy');
	const role = await api<{ id: string }>('POST', '/roles', { body: { name: uniqueName('Help desk') } });
	await api('POST', '/access', { body: { role: role.body.data?.id, policy: settings.body.data?.staff_policy } });
	staffToken = (await signIn(await createStudioUser(role.body.data?.id))).token as string;
	expect((await api('GET', '/portal/api/doctor', { token: staffToken })).status).toBe(200);
});

afterAll(async () => {
	await db?.destroy();
});

describe('The Data map page', () => {
	test('Shows admins the bundled map, stored nowhere, fitting the schema with nothing to add', async () => {
		const answer = await readPage();
		expect(answer.status).toBe(200);
		expect(answer.body.data?.map).toEqual(bundledDataMap());
		expect(answer.body.data?.stored).toBe(false);
		expect(answer.body.data?.problems).toEqual([]);
		expect(answer.body.data?.additions).toEqual([]);
		expect(answer.body.data?.objects.map((object) => object.name)).toEqual([...objectNames]);
		expect(answer.body.data?.schema.collections['tickets']?.fields['subject']).toEqual({ type: 'string', special: [] });
	});

	test('Refuses portal staff who are not admins, portal contacts and visitors, reading, checking or saving; an admin asking the same is answered', async () => {
		for (const [who, token] of [
			['portal staff', staffToken],
			['a portal contact', contactToken],
			['a visitor', null],
		] as const) {
			expectRefused(await readPage(token), `GET ${page} as ${who}`);
			expectRefused(await api('POST', check, { token, body: { map: bundledDataMap() } }), `POST ${check} as ${who}`);
			expectRefused(await api('PUT', page, { token, body: { map: bundledDataMap() } }), `PUT ${page} as ${who}`);
		}
		expect((await readPage()).status).toBe(200);
		const checked = await api<CheckAnswer>('POST', check, { body: { map: bundledDataMap() } });
		expect(checked.status).toBe(200);
		expect(checked.body.data?.additions).toEqual([]);
	});

	test('Gives the map’s names to portal staff, for the module’s pages (none on the bundled help desk); refuses portal contacts and visitors', async () => {
		for (const token of [staffToken, undefined]) {
			const answer = await api<{ map: unknown }>('GET', '/portal/api/studio/map', { token });
			expect(answer.status).toBe(200);
			expect(answer.body.data).toEqual({ map: null });
		}
		for (const [who, token] of [
			['a portal contact', contactToken],
			['a visitor', null],
		] as const)
			expectRefused(await api('GET', '/portal/api/studio/map', { token }), `GET /portal/api/studio/map as ${who}`);
	});
});

describe('A second help desk, built through Directus’s API', () => {
	beforeAll(async () => {
		await createSecondSchema(api);
	});

	test('Has, live, the facts the unit tests assume', async () => {
		const facts = secondSchemaFacts(directusUnderTest().databaseConfig.client);
		const own = ownCollectionsOf(facts);
		expect(await liveSchemaFacts(own)).toEqual(factsOf(facts, own));
		// Directus's own collections have (at least) the fields the facts give them.
		const live = (await readPage()).body.data?.schema as SchemaFacts;
		for (const [name, collection] of Object.entries(facts.collections).filter(([name]) => !own.includes(name))) {
			expect(live.collections[name]?.primary, name).toBe(collection.primary);
			for (const [field, fieldFacts] of Object.entries(collection.fields))
				expect(live.collections[name]?.fields[field], `${name}.${field}`).toEqual(fieldFacts);
		}
	});

	test('Its map checks, naming what the product adds, and previews rules on its own collections only', async () => {
		const answer = await api<CheckAnswer>('POST', check, { body: { map: adoptedMapWith() } });
		expect(answer.status, JSON.stringify(answer.body)).toBe(200);
		expect(answer.body.data?.map).toEqual(adoptedMapWith());
		expect(
			answer.body.data?.additions.map(
				({ object, role, collection, field }) => `${object}.${role}: ${collection}.${field}`,
			),
		).toEqual([
			'customers.badge: organizations.portal_badge',
			'customers.tree_path: organizations.portal_tree_path',
			'contacts.portal_group: people.portal_group',
			'contacts.user_contacts: directus_users.portal_people',
			'contacts.login_suspended: people.portal_login_suspended',
			'tickets.followers: cases.portal_followers',
			'tickets.customer_path: cases.portal_customer_path',
			'ticket_followers.id: portal_case_followers.id',
			'ticket_followers.ticket: portal_case_followers.ticket',
			'ticket_followers.contact: portal_case_followers.contact',
			'ticket_followers.participant: portal_case_followers.participant',
		]);
		const preview = answer.body.data?.preview ?? [];
		expect([...new Set(preview.map((row) => row.collection))].sort()).toEqual(
			['case_messages', 'cases', 'cases_people', 'directus_users', 'organizations', 'people'].sort(),
		);
		const readMessages = preview.find((row) => row.collection === 'case_messages' && row.action === 'read');
		expect(readMessages?.permissions).toEqual({ _and: expect.arrayContaining([{ private: { _eq: false } }]) });
		expect(readMessages?.fields).toEqual(expect.arrayContaining(['case', 'text', 'private', 'posted_at']));
		// Checking installs nothing: the fields to add are still missing.
		const live = await liveSchemaFacts(['organizations', 'cases', 'portal_case_followers']);
		expect(Object.keys(live.collections['organizations']?.fields ?? {})).not.toContain('portal_badge');
		expect(Object.keys(live.collections['cases']?.fields ?? {})).not.toContain('portal_followers');
		expect(Object.keys(live.collections)).not.toContain('portal_case_followers');
	});

	test('Its map naming the bundled `ticket_followers` for the cases’ followers is refused: that collection follows tickets', async () => {
		const answer = await api('POST', check, {
			body: { map: adoptedMapWith((map) => (map.ticket_followers!.collection = 'ticket_followers')) },
		});
		expectRefused(answer, 'The second schema’s map as the unit tests have it', {
			statuses: [400],
			code: 'INVALID_DATA_MAP',
		});
		expect((answer.body.errors?.[0]?.extensions as { problems?: DataMapProblem[] }).problems).toEqual([
			problemAt(
				'ticket_followers',
				'ticket',
				'ticket',
				'leads to `tickets`; the ticket field must be a many-to-one to `cases`',
			),
			problemAt(
				'ticket_followers',
				'contact',
				'contact',
				'leads to `contacts`; the contact field must be a many-to-one to `people`',
			),
			problemAt(
				'ticket_followers',
				'participant',
				'participant',
				'leads to `ticket_participants`; the participant field must be a many-to-one to `cases_people`',
			),
		]);
	});

	test('Refuses maps that do not fit, naming object, role and field, and changes nothing', async () => {
		const before = await untouched();
		const refusals: [string, unknown, ReturnType<typeof problemAt>[]][] = [
			[
				'a field that does not exist',
				adoptedMapWith((map) => (map.contacts.fields.phone = 'mobile')),
				[problemAt('contacts', 'phone', 'mobile', '`people` has no field `mobile`')],
			],
			[
				'a field of the wrong type',
				adoptedMapWith((map) => (map.tickets!.fields.subject = 'reopen_count')),
				[problemAt('tickets', 'subject', 'reopen_count', 'is an integer; the subject field must be a string or text')],
			],
			[
				'a many-to-one to the wrong collection',
				adoptedMapWith((map) => (map.ticket_replies!.fields.author_contact = 'staff_author')),
				[
					problemAt(
						'ticket_replies',
						'author_contact',
						'staff_author',
						'leads to `directus_users`; the author contact field must be a many-to-one to `people`',
					),
				],
			],
			[
				'a customer path that goes round',
				adoptedMapWith((map) => (map.tickets!.fields.customer = 'account.parent_org')),
				[
					problemAt(
						'tickets',
						'customer',
						'account.parent_org',
						'comes back to `organizations` at `parent_org`, a cycle',
					),
				],
			],
			[
				'protected fields',
				adoptedMapWith((map) => {
					map.contacts.fields.phone = 'pin';
					map.contacts.fields.last_name = 'secret_note';
				}),
				[
					problemAt('contacts', 'last_name', 'secret_note', 'is protected (hashed or concealed)'),
					problemAt('contacts', 'phone', 'pin', 'is protected (hashed or concealed)'),
				],
			],
		];
		for (const [what, map, problems] of refusals) {
			const answer = await api('POST', check, { body: { map } });
			expectRefused(answer, `A map with ${what}`, { statuses: [400], code: 'INVALID_DATA_MAP' });
			const extensions = answer.body.errors?.[0]?.extensions as { problems?: DataMapProblem[] } | undefined;
			expect(extensions?.problems, what).toEqual(problems);
		}
		for (const body of [{ map: 'organizations' }, { map: [secondSchemaMap()] }, {}, []]) {
			const answer = await api('POST', check, { body });
			expectRefused(answer, `The body ${JSON.stringify(body).slice(0, 40)}`, {
				statuses: [400],
				code: 'INVALID_DATA_MAP',
			});
			const extensions = answer.body.errors?.[0]?.extensions as { problems?: DataMapProblem[] } | undefined;
			expect(extensions?.problems).toEqual([{ object: '', message: expect.stringContaining('must be an object') }]);
		}
		expect(await untouched()).toEqual(before);
	});
});

describe('A stored map that no longer fits the schema', () => {
	const broken = bundledDataMap();
	broken.tickets!.fields.subject = 'headline';
	test.each([
		{
			what: 'a field that is not there',
			stored: broken as unknown,
			words: 'tickets.subject: `tickets` has no field `headline`',
			problems: [problemAt('tickets', 'subject', 'headline', '`tickets` has no field `headline`')],
		},
		{
			what: 'something not shaped like a map',
			stored: { tickets: 'cases' } as unknown,
			words: 'tickets: must be null (not mapped) or an object',
			problems: [
				{ object: 'customers', message: expect.stringContaining('Customers must be mapped') },
				{ object: 'contacts', message: expect.stringContaining('Contacts must be mapped') },
				{ object: 'tickets', message: expect.stringContaining('must be null (not mapped) or an object') },
			],
		},
	])(
		'Closes the portal while it names $what, shows why on the Data map page, and opens once cleared',
		async ({ stored, words, problems }) => {
			const contact = await createPortalContact((await createRow('customers', { name: uniqueName('Closed') })).id);
			const token = await tokenOf(contact);
			const permissionsBefore = await db('directus_permissions').select('*').orderBy('id');
			// As a database edit would: no hook sees it; a later change the doctor watches makes it look again.
			await db('portal_settings').update({ data_map: JSON.stringify(stored) });
			const nudge = () => api('PATCH', '/items/portal_settings', { body: { portal_name: uniqueName('Portal') } });
			try {
				await nudge();
				const finding = await eventually(async () => {
					const found = (await doctor())?.findings.find((finding) => finding.id === 'data-map-invalid');
					expect(found).toBeDefined();
					return found;
				});
				expect(finding?.severity).toBe('critical');
				expect(finding?.problem).toContain(words);
				expect((await doctor())?.open).toBe(false);
				expect(await health()).toBe('closed');
				const closed = await api('GET', '/portal/api/me', { token });
				expect(closed.status).toBe(503);
				expect(closed.body.errors?.[0]?.extensions?.code).toBe('PORTAL_CLOSED');
				expect((await signIn(contact)).status).toBe(503);

				// The page is before the doctor's gate: admins see why.
				const shown = await readPage();
				expect(shown.status).toBe(200);
				expect(shown.body.data?.stored).toBe(true);
				expect(shown.body.data?.map).toEqual(stored);
				expect(shown.body.data?.problems).toEqual(problems);
				expect(shown.body.data?.additions).toEqual([]);
				// The portal's policies are neither compared with a map that does not fit nor rewritten onto it.
				expect(await db('directus_permissions').select('*').orderBy('id')).toEqual(permissionsBefore);
			} finally {
				await db('portal_settings').update({ data_map: null });
				await nudge();
			}
			await eventually(async () => {
				expect((await doctor())?.open).toBe(true);
			});
			expect(await health()).toBe('ok');
			expect((await readPage()).body.data).toMatchObject({ stored: false, problems: [], map: bundledDataMap() });
			expect((await signIn(contact)).status).toBe(200);
			expect(await db('directus_permissions').select('*').orderBy('id')).toEqual(permissionsBefore);
		},
	);
});
