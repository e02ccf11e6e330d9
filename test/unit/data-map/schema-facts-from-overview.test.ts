import type { FieldOverview, SchemaOverview } from '@directus/types';
import { describe, expect, test } from 'vitest';
import { schemaFactsFromOverview } from '../../../src/data-map/schema-facts-from-overview.ts';

const fieldOverview = (field: string, type: FieldOverview['type'], special: string[] = []): FieldOverview => ({
	field,
	defaultValue: null,
	nullable: true,
	generated: false,
	type,
	dbType: null,
	precision: null,
	scale: null,
	special,
	note: null,
	validation: null,
	alias: type === 'alias',
	searchable: true,
});

const collectionOverview = (collection: string, primary: string, fields: FieldOverview[]) => ({
	collection,
	primary,
	singleton: false,
	sortField: null,
	note: null,
	accountability: 'all' as const,
	fields: Object.fromEntries(fields.map((field) => [field.field, field])),
});

const schema: SchemaOverview = {
	collections: {
		organizations: collectionOverview('organizations', 'code', [
			fieldOverview('code', 'string'),
			fieldOverview('people', 'alias', ['o2m']),
		]),
		people: collectionOverview('people', 'id', [
			fieldOverview('id', 'uuid', ['uuid']),
			fieldOverview('pin', 'hash', ['hash']),
			fieldOverview('org', 'string', ['m2o']),
		]),
	},
	relations: [
		{
			collection: 'people',
			field: 'org',
			related_collection: 'organizations',
			schema: null,
			meta: {
				id: 1,
				many_collection: 'people',
				many_field: 'org',
				one_collection: 'organizations',
				one_field: 'people',
				one_collection_field: null,
				one_allowed_collections: null,
				one_deselect_action: 'nullify',
				junction_field: null,
				sort_field: null,
			},
		},
		{ collection: 'people', field: 'owner', related_collection: 'directus_users', schema: null, meta: null },
	],
};

describe('Schema facts from the schema Directus hands to extensions', () => {
	test('Reads each collection’s primary key, and its fields’ types and special flags', () => {
		const facts = schemaFactsFromOverview(schema);
		expect(facts.collections).toEqual({
			organizations: {
				primary: 'code',
				fields: { code: { type: 'string', special: [] }, people: { type: 'alias', special: ['o2m'] } },
			},
			people: {
				primary: 'id',
				fields: {
					id: { type: 'uuid', special: ['uuid'] },
					pin: { type: 'hash', special: ['hash'] },
					org: { type: 'string', special: ['m2o'] },
				},
			},
		});
	});

	test('Reads relations with their one-to-many alias and junction field, or none', () => {
		expect(schemaFactsFromOverview(schema).relations).toEqual([
			{
				collection: 'people',
				field: 'org',
				related_collection: 'organizations',
				meta: { one_field: 'people', junction_field: null },
			},
			{ collection: 'people', field: 'owner', related_collection: 'directus_users', meta: null },
		]);
	});
});
