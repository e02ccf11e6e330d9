import { describe, expect, test } from 'vitest';
import { productSnapshot } from '../../../src/install/product-schema.ts';
import { schemaFactsFromSnapshot, type SchemaSnapshotParts } from '../../../src/data-map/schema-facts-from-snapshot.ts';

describe('Schema facts from a Directus schema snapshot', () => {
	// A Directus `Snapshot` is what the adapter reads: the bundled one is typed as one.
	const facts = schemaFactsFromSnapshot(productSnapshot('sqlite3'));

	test('Reads each table’s primary key, and its fields’ types and special flags', () => {
		expect(facts.collections['customers']?.primary).toBe('id');
		expect(facts.collections['customers']?.fields['name']).toEqual({ type: 'string', special: [] });
		expect(facts.collections['customers']?.fields['parent']).toEqual({ type: 'integer', special: ['m2o'] });
		expect(facts.collections['customers']?.fields['children']).toEqual({ type: 'alias', special: ['o2m'] });
		expect(facts.collections['tickets']?.fields['date_created']).toEqual({
			type: 'timestamp',
			special: ['date-created', 'cast-timestamp'],
		});
	});

	test('Leaves folders out, and has Directus’s own collections a role may point at', () => {
		expect(Object.keys(facts.collections)).not.toContain('helpdesk_tickets');
		for (const name of ['directus_users', 'directus_files', 'directus_policies']) {
			expect(facts.collections[name]?.primary).toBe('id');
		}
	});

	test('Reads relations with their one-to-many alias and junction field', () => {
		expect(facts.relations).toContainEqual({
			collection: 'kb_article_customers',
			field: 'article',
			related_collection: 'kb_articles',
			meta: { one_field: 'customers', junction_field: 'customer' },
		});
		expect(facts.relations).toContainEqual({
			collection: 'contacts',
			field: 'user',
			related_collection: 'directus_users',
			meta: { one_field: 'portal_contacts', junction_field: null },
		});
	});

	test('Reads a primary key other than `id`, and refuses a table without one', () => {
		const snapshot: SchemaSnapshotParts = {
			collections: [{ collection: 'sites', schema: { name: 'sites' } }],
			fields: [
				{ collection: 'sites', field: 'code', type: 'string', meta: null, schema: { is_primary_key: true } },
				{
					collection: 'sites',
					field: 'name',
					type: 'string',
					meta: { special: null },
					schema: { is_primary_key: false },
				},
			],
			relations: [],
		};
		expect(schemaFactsFromSnapshot(snapshot).collections['sites']).toEqual({
			primary: 'code',
			fields: { code: { type: 'string', special: [] }, name: { type: 'string', special: [] } },
		});
		const withoutKey = { ...snapshot, fields: snapshot.fields.filter(({ field }) => field !== 'code') };
		expect(() => schemaFactsFromSnapshot(withoutKey)).toThrow('no primary key for the collection sites');
	});
});
