import { describe, expect, test } from 'vitest';
import { schemaFactsFromSnapshot } from '../../../src/data-map/schema-facts-from-snapshot.ts';
import { validateDataMap } from '../../../src/data-map/validate-data-map.ts';
import {
	bundledDataMapUnder,
	formatCollectionNames,
	parseCollectionNames,
	renameableCollections,
	renameCollections,
} from '../../../src/install/collection-names.ts';
import { productNames, productSnapshot } from '../../../src/install/product-schema.ts';
import { dataMapProductParts } from '../../../src/lifecycle/data-map-product-parts.ts';
import { helpDeskPartsUnder } from '../../../src/lifecycle/product-schema-parts.ts';

const product = productNames(productSnapshot('sqlite3')).collections;
const chosen = { contacts: 'client_contacts', tickets: 'support_tickets', ticket_followers: 'support_followers' };

describe('Reading PORTAL_COLLECTION_NAMES', () => {
	test('Reads bundled:new pairs, spaces around them allowed; nothing set renames nothing', () => {
		expect(parseCollectionNames(' contacts : client_contacts, tickets:support_tickets ', product)).toEqual({
			names: { contacts: 'client_contacts', tickets: 'support_tickets' },
		});
		for (const unset of [undefined, null, '', '  '])
			expect(parseCollectionNames(unset, product)).toEqual({ names: {} });
		expect(formatCollectionNames(chosen)).toBe(
			'contacts:client_contacts,tickets:support_tickets,ticket_followers:support_followers',
		);
		expect(parseCollectionNames(formatCollectionNames(chosen), product)).toEqual({ names: chosen });
	});

	test.each([
		['contacts', /not a pair/],
		['contacts:a:b', /not a pair/],
		['portal_settings:settings', /not one of the help desk's collections/],
		['customer_tree:tree', /not one of the help desk's collections/],
		['people:persons', /not one of the help desk's collections/],
		['contacts:Client_Contacts', /not a plain name/],
		['contacts:client-contacts', /not a plain name/],
		['contacts:1contacts', /not a plain name/],
		[`contacts:c${'x'.repeat(40)}`, /not a plain name/],
		['contacts:', /not a plain name/],
		['contacts:directus_contacts', /Directus's own/],
		['contacts:tickets', /a collection of the portal's/],
		['contacts:portal_groups', /a collection of the portal's/],
		['contacts:helpdesk_tickets', /a collection of the portal's/],
		['contacts:a,contacts:b', /named twice/],
		['contacts:same,tickets:same', /chosen for two collections/],
	])('Refuses %s, saying why', (value, why) => {
		const parsed = parseCollectionNames(value, product);
		expect('problem' in parsed && parsed.problem).toMatch(why);
	});

	test('Offers every collection that plays an object of the portal, and none of the portal’s own', () => {
		expect(renameableCollections).toContain('contacts');
		expect(renameableCollections).toContain('ticket_comments');
		expect(renameableCollections).toContain('ticket_followers');
		for (const own of ['portal_settings', 'customer_tree', 'helpdesk_tickets'])
			expect(renameableCollections).not.toContain(own);
	});
});

describe.each(['sqlite3', 'pg'] as const)('The bundled schema under chosen names (%s)', (dialect) => {
	const bundled = productSnapshot(dialect);
	const renamed = renameCollections(bundled, chosen);

	test('Names no renamed collection anywhere a collection is named, and keeps every field name', () => {
		const old = new Set(Object.keys(chosen));
		for (const collection of renamed.collections) {
			expect(old.has(collection.collection)).toBe(false);
			expect(old.has(collection.meta?.collection ?? '')).toBe(false);
		}
		for (const field of renamed.fields) {
			expect(old.has(field.collection)).toBe(false);
			expect(old.has(field.schema?.table ?? '')).toBe(false);
			expect(old.has(field.schema?.foreign_key_table ?? '')).toBe(false);
		}
		for (const relation of renamed.relations) {
			for (const name of [
				relation.collection,
				relation.related_collection,
				relation.meta?.many_collection,
				relation.meta?.one_collection,
				relation.schema?.table,
				relation.schema?.foreign_key_table,
			])
				expect(old.has(name ?? '')).toBe(false);
			// Constraints carry the new table's name: the team's table of the old one may hold the old names.
			for (const name of old) expect((relation.schema?.constraint_name ?? '').startsWith(`${name}_`)).toBe(false);
		}
		expect(renamed.fields.map(({ field }) => field)).toEqual(bundled.fields.map(({ field }) => field));
		expect(renamed.fields.filter(({ collection }) => collection === 'client_contacts').length).toBe(
			bundled.fields.filter(({ collection }) => collection === 'contacts').length,
		);
		// The users' alias to their contacts is a field of Directus's: its name stays, its relation names the new collection.
		expect(
			renamed.relations.find(({ field, collection }) => collection === 'client_contacts' && field === 'user'),
		).toMatchObject({ related_collection: 'directus_users', meta: { one_field: 'portal_contacts' } });
		expect(renameCollections(bundled, {})).toBe(bundled);
		expect(bundled.collections.map(({ collection }) => collection)).toContain('contacts');
	});

	test('The bundled map under those names fits the renamed schema exactly: no problem, nothing to add', () => {
		const { problems, additions } = validateDataMap(bundledDataMapUnder(chosen), schemaFactsFromSnapshot(renamed));
		expect(problems).toEqual([]);
		expect(additions).toEqual([]);
	});

	test('An uninstall takes the renamed collections as the help desk’s, not as a team’s to strip of the portal’s fields', () => {
		expect(dataMapProductParts(bundledDataMapUnder(chosen), chosen)).toEqual({ collections: [], fields: [] });
		const parts = helpDeskPartsUnder(chosen);
		expect(parts.helpDeskCollections).toContain('client_contacts');
		expect(parts.helpDeskCollections).not.toContain('contacts');
		expect(parts.derivedCollections).toEqual(['customer_tree', 'support_followers']);
		expect(Object.keys(parts.portalFieldsOfHelpDesk)).toEqual(['customers', 'support_tickets']);
		// Without a recorded install, no collection of a help desk's name is the product's.
		expect(helpDeskPartsUnder(null).helpDeskCollections).toEqual([]);
	});
});
