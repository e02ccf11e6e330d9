/**
 * What invitations, teams, public requests and the profile read, on the second schema's map
 * (`test/support/second-schema/`): organizations with a JSON list of `domains` and no status, people keyed by
 * uuids with `given_name`/`family_name`/`org`/`directus_user`, cases with `account`. An in-memory SQLite with
 * the map stored in the portal settings, as the portal reads it.
 */
import type { Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fetchContactProfile } from '../../../src/access/fetch-contact-profile.ts';
import { fetchCustomerDependents } from '../../../src/customers/fetch-customer-dependents.ts';
import { fetchCustomerEmailDomains } from '../../../src/customers/fetch-customer-email-domains.ts';
import { fetchCustomerName } from '../../../src/customers/fetch-customer-name.ts';
import type { DataMap } from '../../../src/data-map/data-map.ts';
import { readContacts } from '../../../src/invitations/read-contacts.ts';
import { findCustomerByDomain } from '../../../src/requests/find-customer-by-domain.ts';
import { inMemorySqlite } from '../../support/in-memory-sqlite.ts';
import { secondSchemaMap } from '../../support/second-schema/second-schema-map.ts';

const ada = '0b1f3c52-6d1e-4f5a-9a0b-2c3d4e5f6a7b';
const bob = '1c2e4d63-7e2f-4a6b-8b1c-3d4e5f6a7b8c';
const eve = '2d3f5e74-8f3a-4b7c-9c2d-4e5f6a7b8c9d';

let db: Knex;

async function storeMap(map: DataMap): Promise<void> {
	await db('portal_settings').update({ data_map: JSON.stringify(map) });
}

beforeEach(async () => {
	db = inMemorySqlite(true);
	await db.raw('CREATE TABLE portal_settings (id integer PRIMARY KEY, data_map text NULL)');
	await db('portal_settings').insert({ id: 1, data_map: null });
	await db.raw(
		'CREATE TABLE organizations (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, label varchar(255) NULL, parent_org integer NULL REFERENCES organizations (id), domains json NULL)',
	);
	await db.raw(
		'CREATE TABLE people (uuid char(36) PRIMARY KEY NOT NULL, given_name varchar(255) NULL, family_name varchar(255) NULL, email varchar(255) NULL, phone varchar(255) NULL, org integer NULL REFERENCES organizations (id), directus_user char(36) NULL, portal_group integer NULL, portal_login_suspended boolean NULL)',
	);
	await db.raw(
		'CREATE TABLE cases (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, account integer NULL REFERENCES organizations (id), opened_by char(36) NULL REFERENCES people (uuid))',
	);
	await db('organizations').insert([
		{ id: 1, label: 'Acme', parent_org: null, domains: '["Acme.com", "acme.io"]' },
		{ id: 2, label: 'Acme East', parent_org: 1, domains: '["east.acme.com"]' },
		{ id: 3, label: 'Lookalike', parent_org: null, domains: '["acme.io"]' },
		{ id: 4, label: 'Quiet', parent_org: null, domains: null },
	]);
	await db('people').insert([
		{ uuid: bob, given_name: 'Bob', family_name: 'Zed', email: 'bob@acme.com', org: 1, portal_login_suspended: 1 },
		{ uuid: ada, given_name: 'Ada', family_name: 'Lovelace', email: 'Ada@Acme.com', org: 1, directus_user: 'u-ada' },
		{ uuid: eve, given_name: null, family_name: 'Eve', email: 'eve@east.acme.com', org: 2, portal_group: 5 },
	]);
	await db('cases').insert([
		{ account: 1, opened_by: ada },
		{ account: 1, opened_by: bob },
	]);
	await storeMap(secondSchemaMap());
});

afterEach(async () => {
	await db.destroy();
});

describe('Contacts read by role from the people collection', () => {
	test("a customer's contacts, by family name, with the roles named as the portal's", async () => {
		const contacts = await readContacts(db, secondSchemaMap().contacts, { customer: 1 });
		expect(contacts).toEqual([
			{
				id: ada,
				email: 'Ada@Acme.com',
				first_name: 'Ada',
				last_name: 'Lovelace',
				// People keep no status: every contact is active.
				status: 'active',
				customer: 1,
				user: 'u-ada',
				portal_group: null,
				login_suspended: false,
			},
			expect.objectContaining({ id: bob, first_name: 'Bob', login_suspended: true }),
		]);
	});

	test('by uuid, and by e-mail address in any case', async () => {
		const map = secondSchemaMap().contacts;
		expect((await readContacts(db, map, { keys: [eve] })).map((contact) => contact.portal_group)).toEqual([5]);
		expect((await readContacts(db, map, { email: ' ADA@acme.com ' })).map((contact) => contact.id)).toEqual([ada]);
		expect(await readContacts(db, map, { email: 'nobody@acme.com' })).toEqual([]);
	});

	test("the signed-in contact's profile joins its organization's label; unmapped roles read as null", async () => {
		expect(await fetchContactProfile({ knex: db }, eve)).toEqual({
			contact: {
				id: eve,
				first_name: null,
				last_name: 'Eve',
				email: 'eve@east.acme.com',
				phone: null,
				location: null,
			},
			customer: { id: 2, name: 'Acme East' },
		});
		expect(await fetchContactProfile({ knex: db }, '3e4a6f85-9a4b-4c8d-8d3e-5f6a7b8c9d0e')).toBeNull();
	});
});

describe('Customers found and counted in the organizations collection', () => {
	test('a domain listed by one organization finds it, in any case; one listed by two, or none, finds nothing', async () => {
		expect(await findCustomerByDomain({ knex: db }, 'someone@ACME.com')).toBe(1);
		expect(await findCustomerByDomain({ knex: db }, 'someone@east.acme.com')).toBe(2);
		expect(await findCustomerByDomain({ knex: db }, 'someone@acme.io')).toBeNull();
		expect(await findCustomerByDomain({ knex: db }, 'someone@cme.com')).toBeNull();
		expect(await fetchCustomerEmailDomains({ knex: db }, 1)).toEqual(['acme.com', 'acme.io']);
		expect(await fetchCustomerEmailDomains({ knex: db }, 4)).toEqual([]);
		expect(await fetchCustomerName({ knex: db }, 2)).toBe('Acme East');
		expect(await fetchCustomerName({ knex: db }, 99)).toBeNull();
	});

	test('with email_domains unmapped no customer is found by domain and none lists any', async () => {
		const map = secondSchemaMap();
		await storeMap({
			...map,
			customers: { ...map.customers, fields: { ...map.customers.fields, email_domains: null } },
		});
		expect(await findCustomerByDomain({ knex: db }, 'someone@acme.com')).toBeNull();
		expect(await fetchCustomerEmailDomains({ knex: db }, 1)).toEqual([]);
	});

	test("an organization's dependents are its sub-organizations, people and cases, in the map's names", async () => {
		expect(await fetchCustomerDependents([1], { knex: db, map: secondSchemaMap() })).toEqual({
			customers: 1,
			contacts: 2,
			tickets: 2,
		});
		// Deleting a parent together with its child: the child does not count.
		expect(await fetchCustomerDependents([1, 2], { knex: db, map: secondSchemaMap() })).toEqual({
			customers: 0,
			contacts: 3,
			tickets: 2,
		});
		expect(await fetchCustomerDependents([4], { knex: db, map: secondSchemaMap() })).toEqual({
			customers: 0,
			contacts: 0,
			tickets: 0,
		});
	});
});
