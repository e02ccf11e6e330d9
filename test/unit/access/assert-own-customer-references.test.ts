/**
 * A contact's device must stand at one of their own customer's locations, on the collections the data map
 * names: the bundled `devices.location` → `locations.customer`, and a map of other names (`assets.site` →
 * `sites.org`, uuid keys) on an in-memory SQLite; nothing is checked where the map leaves the role or the
 * locations out.
 */
import type { Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { assertOwnCustomerReferences } from '../../../src/access/assert-own-customer-references.ts';
import { bundledDataMap, type DataMap } from '../../../src/data-map/data-map.ts';
import { inMemorySqlite } from '../../support/in-memory-sqlite.ts';

const siteOfOne = '0f8fad5b-d9cb-469f-a165-70867728950e';
const siteOfTwo = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

/** The bundled map with devices as `assets` standing at `sites` of an `org`. */
function otherNames(): DataMap {
	const map = bundledDataMap();
	const devices = map.devices as NonNullable<DataMap['devices']>;
	const locations = map.locations as NonNullable<DataMap['locations']>;
	return {
		...map,
		devices: { ...devices, collection: 'assets', fields: { ...devices.fields, location: 'site' } },
		locations: { collection: 'sites', fields: { ...locations.fields, id: 'key', customer: 'org' } },
	};
}

describe('assertOwnCustomerReferences', () => {
	let db: Knex;
	beforeEach(async () => {
		db = inMemorySqlite(true);
		await db.raw('CREATE TABLE locations (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, customer integer NULL)');
		await db('locations').insert([{ customer: 1 }, { customer: 2 }]);
		await db.raw('CREATE TABLE sites (key char(36) PRIMARY KEY NOT NULL, org integer NULL)');
		await db('sites').insert([
			{ key: siteOfOne, org: 1 },
			{ key: siteOfTwo, org: 2 },
		]);
	});
	afterEach(() => db.destroy());

	const check = (map: DataMap, payload: Record<string, unknown>) =>
		assertOwnCustomerReferences({ knex: db }, { map, object: 'devices', payload, customer: 1 });
	const refused = { code: 'REFERENCE_OUTSIDE_CUSTOMER' };

	test('On the bundled map: the own customer’s location passes; another’s, a missing one or a nested object do not', async () => {
		const map = bundledDataMap();
		for (const payload of [{ location: 1 }, { location: '1' }, { location: null }, { name: 'x' }])
			await expect(check(map, payload)).resolves.toBeUndefined();
		for (const location of [2, '2', 3, siteOfOne, { customer: 1 }, 'x'])
			await expect(check(map, { location })).rejects.toMatchObject(refused);
	});

	test('On other names and uuid keys: the mapped field is checked against the mapped collection', async () => {
		const map = otherNames();
		await expect(check(map, { site: siteOfOne })).resolves.toBeUndefined();
		// `location` is no field of `assets`: it is not a reference here.
		await expect(check(map, { location: 2 })).resolves.toBeUndefined();
		for (const site of [siteOfTwo, 1, '0f8fad5b-d9cb-469f-a165-000000000000'])
			await expect(check(map, { site })).rejects.toMatchObject({
				...refused,
				extensions: { collection: 'assets', field: 'site' },
			});
	});

	test('Checks nothing where the map leaves the location role or the locations out', async () => {
		const map = otherNames();
		const devices = map.devices as NonNullable<DataMap['devices']>;
		for (const without of [
			{ ...map, locations: null },
			{ ...map, devices: { ...devices, fields: { ...devices.fields, location: null } } },
			{ ...map, devices: null },
		])
			await expect(check(without, { site: siteOfTwo, location: 2 })).resolves.toBeUndefined();
	});
});
