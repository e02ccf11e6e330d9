import { describe, expect, test } from 'vitest';
import { bundledDataMap } from '../../../src/data-map/data-map.ts';
import { dataMapProductParts } from '../../../src/lifecycle/data-map-product-parts.ts';
import { secondSchemaMap } from '../../support/second-schema/second-schema-map.ts';

describe('What the product keeps on a team’s collections for a data map', () => {
	test('Is nothing on the bundled map: the bundled collections’ parts are named where the bundled schema is', () => {
		expect(dataMapProductParts(bundledDataMap())).toEqual({ collections: [], fields: [] });
	});

	test('Is, on the second schema’s map, the fields of the roles the product owns and the followers collection', () => {
		expect(dataMapProductParts(secondSchemaMap())).toEqual({
			collections: ['portal_case_followers'],
			fields: [
				'cases.portal_customer_path',
				'cases.portal_followers',
				'directus_users.portal_people',
				'organizations.portal_badge',
				'organizations.portal_tree_path',
				'people.portal_group',
				'people.portal_login_suspended',
			],
		});
	});

	test('Names no field of the team’s roles, no unmapped role, and nothing of an object left on its bundled collection', () => {
		const map = secondSchemaMap();
		map.customers.fields.badge = null;
		map.tickets = { ...bundledDataMap().tickets!, collection: 'tickets' };
		map.ticket_followers = bundledDataMap().ticket_followers;
		const parts = dataMapProductParts(map);
		expect(parts.collections).toEqual([]);
		expect(parts.fields).toEqual([
			'directus_users.portal_people',
			'organizations.portal_tree_path',
			'people.portal_group',
			'people.portal_login_suspended',
		]);
		for (const teamField of ['organizations.label', 'people.org', 'people.directus_user', 'cases.state'])
			expect(parts.fields).not.toContain(teamField);
	});
});
