import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Knex } from 'knex';
import { bundledDataMap } from '../../../src/data-map/data-map.ts';
import {
	addRoleIndexes,
	bundledIndexedRoles,
	missingRoleIndexes,
	roleIndexesOf,
	roleIndexName,
} from '../../../src/data-map/role-indexes.ts';
import { dropPortalDatabaseObjects } from '../../../src/lifecycle/drop-portal-database-objects.ts';
import { checkRoleIndexes } from '../../../src/doctor/check-role-indexes.ts';
import { inMemorySqlite } from '../../support/in-memory-sqlite.ts';
import { secondSchemaMap } from '../../support/second-schema/second-schema-map.ts';

const columns = (indexes: { collection: string; column: string }[]) =>
	indexes.map(({ collection, column }) => `${collection}.${column}`).sort();

describe('The indexes the portal’s rules need on a map’s columns', () => {
	test('Are the roles the bundled schema indexes: what rules filter and join by and lists sort by, not the product’s own', () => {
		const roles = bundledIndexedRoles();
		for (const role of [
			'tickets.customer',
			'tickets.requester',
			'tickets.status',
			'tickets.date_created',
			'contacts.customer',
			'contacts.user',
			'customers.parent',
		])
			expect(roles, role).toContain(role);
		for (const role of [
			'tickets.id',
			'tickets.subject',
			'customers.tree_path',
			'contacts.portal_group',
			'tickets.customer_path',
		])
			expect(roles, role).not.toContain(role);
	});

	test('On the second schema: its columns playing those roles, a chain by its first step, each column once', () => {
		const wanted = columns(roleIndexesOf(secondSchemaMap(), bundledIndexedRoles()));
		for (const column of [
			'cases.account',
			'cases.opened_by',
			'people.org',
			'people.directus_user',
			'organizations.parent_org',
		])
			expect(wanted).toContain(column);
		expect(new Set(wanted).size).toBe(wanted.length);
		const chained = secondSchemaMap();
		chained.tickets!.fields.customer = 'site.account';
		expect(columns(roleIndexesOf(chained, bundledIndexedRoles()))).toContain('cases.site');
	});

	test('Are named as the product’s, whole where PostgreSQL keeps the name, cut with a hash where it would not', () => {
		expect(roleIndexName('cases', 'account')).toBe('portal_ix_cases_account');
		const long = roleIndexName('a'.repeat(40), 'b'.repeat(40));
		expect(long).toHaveLength(63);
		expect(long.startsWith('portal_ix_')).toBe(true);
		expect(roleIndexName('a'.repeat(40), 'b'.repeat(39))).not.toBe(long);
	});
});

describe('Adding them on SQLite', () => {
	let db: Knex;
	beforeEach(async () => {
		db = inMemorySqlite(true);
		await db.raw(
			'CREATE TABLE organizations (id integer PRIMARY KEY AUTOINCREMENT, label text UNIQUE, parent_org integer)',
		);
		await db.raw('CREATE TABLE people (uuid char(36) PRIMARY KEY NOT NULL, org integer, directus_user char(36))');
		await db.raw(
			'CREATE TABLE cases (id integer PRIMARY KEY AUTOINCREMENT, account integer, opened_by char(36), title text, state text, created_on datetime)',
		);
		// The team indexed its cases by organization, with the title second; its organizations' labels are unique.
		await db.raw('CREATE INDEX cases_by_account ON cases (account, title)');
		// One leading with another column does not count.
		await db.raw('CREATE INDEX people_by_user_then_org ON people (directus_user, org)');
	});
	afterEach(async () => {
		await db.destroy();
	});

	const map = () => {
		const second = secondSchemaMap();
		// Only the collections made above.
		for (const object of Object.keys(second) as (keyof typeof second)[])
			if (!['customers', 'contacts', 'tickets'].includes(object)) (second as Record<string, unknown>)[object] = null;
		return second;
	};

	test('Adds what no index leads with, under the product’s names; a second run adds nothing; the doctor warns until then', async () => {
		const missing = columns(await missingRoleIndexes(db, map()));
		expect(missing).toEqual([
			'cases.created_on',
			'cases.opened_by',
			'cases.state',
			'organizations.parent_org',
			'people.org',
		]);
		expect(checkRoleIndexes(await missingRoleIndexes(db, map()))).toEqual([
			expect.objectContaining({ id: 'data-map-unindexed', severity: 'warning' }),
		]);
		expect((await addRoleIndexes(db, map())).map(({ name }) => name).sort()).toEqual([
			'portal_ix_cases_created_on',
			'portal_ix_cases_opened_by',
			'portal_ix_cases_state',
			'portal_ix_organizations_parent_org',
			'portal_ix_people_org',
		]);
		expect(await missingRoleIndexes(db, map())).toEqual([]);
		expect(checkRoleIndexes([])).toEqual([]);
		expect(await addRoleIndexes(db, map())).toEqual([]);
	});

	test('An uninstall drops the product’s indexes and leaves the team’s', async () => {
		await addRoleIndexes(db, map());
		const dropped = await dropPortalDatabaseObjects(db);
		expect(dropped.filter((entry) => entry.startsWith('index ')).sort()).toEqual([
			'index portal_ix_cases_created_on',
			'index portal_ix_cases_opened_by',
			'index portal_ix_cases_state',
			'index portal_ix_organizations_parent_org',
			'index portal_ix_people_org',
		]);
		const left = (await db.raw("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")) as {
			name: string;
		}[];
		expect(left.map(({ name }) => name).sort()).toEqual(['cases_by_account', 'people_by_user_then_org']);
	});

	test('A table that is not there is left to the map’s check', async () => {
		const withMissing = map();
		withMissing.customers = { ...bundledDataMap().customers, collection: 'nowhere' };
		expect(columns(await missingRoleIndexes(db, withMissing))).not.toContain('nowhere.parent');
	});
});
