/**
 * Adopting a team's own collections installs the product's fields on them, and uninstalling removes them:
 * on a throw-away Directus with the bundle, the second help desk (`test/support/second-schema/`) built
 * through Directus's API and holding the team's rows, the additions of its map are applied with Directus's
 * own services (as the product's code runs them, in one transaction), after which the map fits the live
 * schema with nothing left to add, a second run adds nothing, and the team's rows are as they were. With
 * the map stored, an uninstall lists and removes exactly what was added: the team's collections, fields,
 * relations and rows are as they were before.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExtensionsServices, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	bootstrap,
	directusEnv,
	type DirectusInstanceOptions,
	freePort,
	installBundle,
	runDirectusCli,
	type RunningDirectus,
	startDirectus,
	throwAwayInstanceOptions,
} from '../../scripts/lib/directus-instance.ts';
import type { DataMapAddition } from '../../src/data-map/data-map-problem.ts';
import { addRoleIndexes, missingRoleIndexes } from '../../src/data-map/role-indexes.ts';
import { schemaFactsFromOverview } from '../../src/data-map/schema-facts-from-overview.ts';
import { validateDataMap } from '../../src/data-map/validate-data-map.ts';
import type { SchemaAdditions } from '../../src/install/add-missing-schema.ts';
import { applyDataMapAdditions } from '../../src/install/apply-data-map-additions.ts';
import { type Api, apiAt, databaseAt } from '../support/directus-under-test.ts';
import { createSecondSchema, ownCollectionsOf } from '../support/second-schema/create-second-schema.ts';
import { liveSchemaFacts } from '../support/second-schema/live-schema-facts.ts';
import { secondSchemaFacts } from '../support/second-schema/second-schema-facts.ts';
import { secondSchemaMap } from '../support/second-schema/second-schema-map.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const facts = secondSchemaFacts();
const own = ownCollectionsOf(facts);
const map = secondSchemaMap();
/** What the map has the product add, as `collection.field`. */
const addedFields = [
	'organizations.portal_badge',
	'organizations.portal_tree_path',
	'people.portal_group',
	'people.portal_login_suspended',
	'cases.portal_customer_path',
	'portal_case_followers.id',
	'portal_case_followers.ticket',
	'portal_case_followers.contact',
	'portal_case_followers.participant',
	'directus_users.portal_people',
	'cases.portal_followers',
];

let folder: string;
let database: TestDatabase;
let options: DirectusInstanceOptions;
let running: RunningDirectus | null = null;
let db: Knex;
const adminToken = randomBytes(24).toString('hex');
const api: Api = apiAt(
	() => running?.url ?? '',
	() => adminToken,
);

/** Directus's own API package, loaded in this process on the test's database (it ships no type declarations). */
interface DirectusInProcess {
	services: ExtensionsServices;
	knex: Knex;
	getSchema: (options: { database: Knex; bypassCache: boolean }) => Promise<SchemaOverview>;
}
let directus: DirectusInProcess | undefined;

async function directusInProcess(): Promise<DirectusInProcess> {
	if (directus) return directus;
	Object.assign(process.env, directusEnv(options), { LOG_LEVEL: 'warn' });
	const load = <T>(name: string) => import(name) as Promise<T>;
	const { getDatabase } = await load<{ getDatabase: () => Knex }>('@directus/api/database/index');
	const { getSchema } = await load<Pick<DirectusInProcess, 'getSchema'>>('@directus/api/utils/get-schema');
	const services = await load<ExtensionsServices>('@directus/api/services/index');
	// Directus's own connection: on SQLite it enforces foreign keys, as the running Directus does.
	directus = { services, knex: getDatabase(), getSchema };
	return directus;
}

/** The schema as Directus reads it now, from its database. */
async function schemaNow(): Promise<SchemaOverview> {
	const { knex, getSchema } = await directusInProcess();
	return getSchema({ database: knex, bypassCache: true });
}

/**
 * Applies `additions` of `map` in one transaction, as the product's code does, then has the running Directus
 * read the schema again.
 */
async function apply(additions: readonly DataMapAddition[]): Promise<SchemaAdditions> {
	const { services, knex, getSchema } = await directusInProcess();
	const added = await knex.transaction((trx) =>
		applyDataMapAdditions({ services, knex: trx, getSchema }, map, additions),
	);
	expect((await api('POST', '/utils/cache/clear?system=true')).status).toBe(200);
	return added;
}

const ok = async <T>(answer: ReturnType<Api>, what: string): Promise<T> => {
	const { status, body } = await answer;
	if (status !== 200 || body.data === undefined) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
	return body.data as T;
};

/** The team's work: organizations in a tree, people (one with a login), cases with watchers and messages. */
async function createTeamRows(): Promise<void> {
	const create = <T>(collection: string, body: object) =>
		ok<T>(api('POST', `/items/${collection}`, { body }), collection);
	const user = await ok<{ id: string }>(
		api('POST', '/users', {
			body: {
				email: `person-${randomBytes(4).toString('hex')}@example.com`,
				password: randomBytes(12).toString('hex'),
			},
		}),
		'user',
	);
	const parent = await create<{ id: number }>('organizations', { label: 'Acme', domains: ['acme.example'] });
	const child = await create<{ id: number }>('organizations', {
		label: 'Acme Labs',
		parent_org: parent.id,
		share_with_parent: true,
	});
	const ada = await create<{ uuid: string }>('people', {
		given_name: 'Ada',
		family_name: 'Lovelace',
		email: 'ada@acme.example',
		org: child.id,
		billing_org: parent.id,
		directus_user: user.id,
	});
	const bob = await create<{ uuid: string }>('people', { given_name: 'Bob', family_name: 'Builder', org: parent.id });
	const open = await create<{ id: number }>('cases', {
		title: 'Printer on fire',
		details: 'Smoke',
		state: 'open',
		account: child.id,
		opened_by: ada.uuid,
		reopen_count: 1,
	});
	await create('cases', { title: 'New desk', state: 'new', account: parent.id, opened_by: bob.uuid });
	await create('cases_people', { cases_id: open.id, people_id: bob.uuid });
	await create('case_messages', { case: open.id, text: 'Still burning', private: false, author: ada.uuid });
	await create('case_messages', { case: open.id, text: 'Call the fire brigade', private: true });
}

/** Every row of the team's collections, with every column they have now (or only the team's own). */
async function teamRows(columns: 'all' | 'team'): Promise<Record<string, unknown[]>> {
	const rows: Record<string, unknown[]> = {};
	for (const collection of own) {
		const { primary, fields } = facts.collections[collection] as (typeof facts.collections)[string];
		const teamColumns = Object.entries(fields)
			.filter(([, field]) => field.type !== 'alias')
			.map(([name]) => name);
		rows[collection] = await db(collection)
			.select(columns === 'all' ? '*' : teamColumns)
			.orderBy(primary);
	}
	return rows;
}

/** Directus's records of the team's collections, their fields and relations, and the database's columns and foreign keys. */
async function teamSchema() {
	const schema = await schemaNow();
	const columns: Record<string, unknown> = {};
	for (const collection of own) columns[collection] = await db(collection).columnInfo();
	return {
		collections: await db('directus_collections').select('*').whereIn('collection', own).orderBy('collection'),
		fields: await db('directus_fields').select('*').whereIn('collection', own).orderBy('id'),
		relations: await db('directus_relations').select('*').whereIn('many_collection', own).orderBy('id'),
		userFields: await db('directus_fields').select('*').where('collection', 'directus_users').orderBy('id'),
		columns,
		foreignKeys: schema.relations
			.filter((relation) => own.includes(relation.collection))
			.map(({ collection, field, related_collection, schema: foreignKey }) => ({
				collection,
				field,
				related_collection,
				on_delete: foreignKey?.on_delete ?? null,
			}))
			.sort((a, b) => `${a.collection}.${a.field}`.localeCompare(`${b.collection}.${b.field}`)),
	};
}

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'portal-data-map-install-'));
	database = await createTestDatabase(folder);
	options = throwAwayInstanceOptions(folder, database.config, await freePort(), { ADMIN_TOKEN: adminToken });
	await installBundle(folder);
	await bootstrap(options);
	running = await startDirectus(options);
	db = databaseAt(database.config);
	await createSecondSchema(api);
	await createTeamRows();
}, 300_000);

afterAll(async () => {
	await running?.stop();
	await directus?.knex.destroy();
	await db?.destroy();
	await database?.drop();
	if (folder) await rm(folder, { recursive: true, force: true });
});

describe('Adopting the second help desk, then uninstalling the portal', () => {
	test(
		'Adds the product’s fields, then nothing more; uninstalling removes exactly them',
		{ timeout: 300_000 },
		async () => {
			const rowsBefore = await teamRows('all');
			const schemaBefore = await teamSchema();
			const checked = validateDataMap(map, schemaFactsFromOverview(await schemaNow()));
			expect(checked.problems).toEqual([]);
			expect(checked.additions.map(({ collection, field }) => `${collection}.${field}`).sort()).toEqual(
				[...addedFields].sort(),
			);

			const added = await apply(checked.additions);
			expect(added.collections).toEqual(['portal_case_followers']);
			expect([...added.fields].sort()).toEqual([...addedFields].sort());
			expect([...added.relations].sort()).toEqual(
				[
					'organizations.portal_badge',
					'people.portal_group',
					'portal_case_followers.contact',
					'portal_case_followers.participant',
					'portal_case_followers.ticket',
				].sort(),
			);

			// The live schema, as the Data map page reads it, now fits the map with nothing to add.
			const live = await liveSchemaFacts(
				[...own, 'portal_case_followers', 'directus_users', 'directus_policies', 'portal_groups'],
				api,
			);
			expect(validateDataMap(map, live)).toEqual({ map, problems: [], additions: [] });
			expect(live.collections['people']?.fields['portal_login_suspended']).toEqual({
				type: 'boolean',
				special: ['cast-boolean'],
			});
			const note = await db('directus_fields')
				.select('hidden', 'readonly', 'note')
				.where({ collection: 'organizations', field: 'portal_tree_path' })
				.first();
			expect(note).toMatchObject({ note: expect.stringContaining('Customer Portal') });
			expect(Boolean(note?.hidden) && Boolean(note?.readonly)).toBe(true);
			// The team's relation now lists a user's people, and still clears as before when the user goes.
			const people = (await schemaNow()).relations.find(
				(relation) => relation.collection === 'people' && relation.field === 'directus_user',
			);
			expect(people?.meta?.one_field).toBe('portal_people');
			expect(people?.schema?.on_delete).toBe('SET NULL');

			// Again, with the same additions or with what is left to add: nothing.
			expect(await apply(checked.additions)).toEqual({ collections: [], fields: [], relations: [] });
			expect(await apply([])).toEqual({ collections: [], fields: [], relations: [] });
			// The team's rows are as they were, in every column of theirs.
			expect(await teamRows('team')).toEqual(teamRowsOf(rowsBefore));
			// The added fields work: a follower row for a case, a suspended login on a person.
			const [someCase] = (await db('cases').select('id').orderBy('id')) as { id: number }[];
			const [someone] = (await db('people').select('uuid').orderBy('uuid')) as { uuid: string }[];
			await ok(
				api('POST', '/items/portal_case_followers', { body: { ticket: someCase?.id, contact: someone?.uuid } }),
				'follower',
			);
			await ok(api('PATCH', `/items/people/${someone?.uuid}`, { body: { portal_login_suspended: true } }), 'suspend');

			// Stored as the portal's map, the uninstall lists what was added, and removes it.
			await db('portal_settings').update({ data_map: JSON.stringify(map) });
			// The indexes a save adds on the team's columns the rules filter by: the uninstall drops them.
			const indexes = (await addRoleIndexes(db, map)).map(({ name }) => name);
			expect(indexes).toContain('portal_ix_cases_account');
			const { plan } = await ok<{ plan: { collections: string[]; fields: string[] } }>(
				api('GET', '/portal/api/studio/uninstall'),
				'uninstall plan',
			);
			expect(plan.collections).toContain('portal_case_followers');
			expect(plan.fields).toEqual(
				expect.arrayContaining(addedFields.filter((name) => !name.startsWith('portal_case_followers.'))),
			);
			for (const field of plan.fields)
				expect(addedFields.includes(field) || !own.includes(field.split('.')[0]!)).toBe(true);

			await running?.stop();
			running = null;
			await runDirectusCli(options, ['customer-portal', 'uninstall', '--yes']);
			const log = await readFile(options.logFile, 'utf8');
			expect(log).toContain('removed collection portal_case_followers');
			expect(log).toContain('removed field organizations.portal_tree_path');
			expect(log).toContain('removed field directus_users.portal_people');
			for (const index of indexes) expect(log).toContain(`removed index ${index}`);
			expect((await missingRoleIndexes(db, map)).map(({ name }) => name)).toEqual(indexes);

			expect(await teamRows('all')).toEqual(rowsBefore);
			const schemaAfter = await teamSchema();
			expect(schemaAfter.collections).toEqual(schemaBefore.collections);
			expect(schemaAfter.fields).toEqual(schemaBefore.fields);
			expect(schemaAfter.relations).toEqual(schemaBefore.relations);
			expect(schemaAfter.columns).toEqual(schemaBefore.columns);
			expect(schemaAfter.foreignKeys).toEqual(schemaBefore.foreignKeys);
			expect(schemaAfter.userFields.map((field: { field: string }) => field.field)).not.toContain('portal_people');
			expect(await db.schema.hasTable('portal_case_followers')).toBe(false);
			expect(await db('directus_collections').where('collection', 'portal_case_followers')).toEqual([]);
			expect(await db('directus_relations').where('many_collection', 'portal_case_followers')).toEqual([]);
		},
	);
});

/** `rows` narrowed to the team's own columns. */
function teamRowsOf(rows: Record<string, unknown[]>): Record<string, unknown[]> {
	const narrowed: Record<string, unknown[]> = {};
	for (const collection of own) {
		const { fields } = facts.collections[collection] as (typeof facts.collections)[string];
		const teamColumns = Object.entries(fields)
			.filter(([, field]) => field.type !== 'alias')
			.map(([name]) => name);
		narrowed[collection] = (rows[collection] ?? []).map((row) =>
			Object.fromEntries(teamColumns.map((column) => [column, (row as Record<string, unknown>)[column]])),
		);
	}
	return narrowed;
}
