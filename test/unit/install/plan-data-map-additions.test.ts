import { describe, expect, test } from 'vitest';
import { validateDataMap } from '../../../src/data-map/validate-data-map.ts';
import { planDataMapAdditions } from '../../../src/install/plan-data-map-additions.ts';
import { productSnapshot } from '../../../src/install/product-schema.ts';
import { factsWithAdditions } from '../../support/facts-with-additions.ts';
import { secondSchemaFacts } from '../../support/second-schema/second-schema-facts.ts';
import { secondSchemaMap } from '../../support/second-schema/second-schema-map.ts';

const map = secondSchemaMap();
const facts = secondSchemaFacts();
const { additions } = validateDataMap(map, facts);
const snapshot = productSnapshot('pg');
const plan = planDataMapAdditions(map, additions, facts, snapshot);
const portalNote = expect.stringContaining('Added by the Customer Portal');

describe('What the install adds for the second schema’s map', () => {
	test('The followers collection whole, hidden as the bundled one, with its key and many-to-ones', () => {
		expect(plan.collections.map(({ collection }) => collection)).toEqual(['portal_case_followers']);
		const [followers] = plan.collections;
		expect(followers?.meta).toMatchObject({
			collection: 'portal_case_followers',
			hidden: true,
			group: null,
			display_template: null,
			note: portalNote,
		});
		expect(followers?.fields.map(({ field, type, schema }) => [field, type, schema?.['is_nullable']])).toEqual([
			['id', 'integer', undefined],
			['ticket', 'integer', false],
			['contact', 'uuid', false],
			['participant', 'integer', true],
		]);
		expect(followers?.fields[0]?.schema).toEqual({ is_primary_key: true, has_auto_increment: true });
	});

	test('Columns on the team’s collections, hidden and read-only where the bundled field is, each saying it is the portal’s', () => {
		const fields = Object.fromEntries(plan.fields.map((field) => [`${field.collection}.${field.field}`, field]));
		expect(Object.keys(fields)).toEqual([
			'organizations.portal_badge',
			'organizations.portal_tree_path',
			'people.portal_group',
			'people.portal_login_suspended',
			'cases.portal_customer_path',
		]);
		const look = (name: string) => {
			const { hidden, readonly, special } = fields[name]?.meta as Record<string, unknown>;
			return { hidden, readonly, special };
		};
		expect(look('organizations.portal_badge')).toEqual({ hidden: true, readonly: true, special: ['m2o'] });
		expect(look('organizations.portal_tree_path')).toEqual({ hidden: true, readonly: true, special: null });
		expect(look('cases.portal_customer_path')).toEqual({ hidden: true, readonly: true, special: null });
		// Staff set a contact’s group and suspend a login in the studio, as on the bundled contacts.
		expect(look('people.portal_group')).toEqual({ hidden: false, readonly: false, special: ['m2o'] });
		expect(look('people.portal_login_suspended')).toEqual({
			hidden: false,
			readonly: false,
			special: ['cast-boolean'],
		});
		for (const field of plan.fields) expect(field.meta['note'], field.field).toEqual(portalNote);
		expect(fields['people.portal_login_suspended']?.schema).toMatchObject({ is_nullable: false, default_value: false });
		expect(fields['organizations.portal_badge']?.schema).toMatchObject({ is_unique: true });
	});

	test('Templates naming the bundled collections’ fields are left out; those of collections no map moves are kept', () => {
		const fields = [...plan.fields, ...plan.collections.flatMap(({ fields }) => fields)];
		const badge = fields.find(({ field }) => field === 'portal_badge');
		expect(badge?.meta['options']).toEqual({ enableCreate: false, template: '{{name}}' });
		for (const field of ['ticket', 'contact', 'participant'])
			expect(fields.find((entry) => entry.field === field)?.meta).not.toHaveProperty('options');
		for (const { field } of plan.aliases) expect(field.meta).not.toHaveProperty('options');
	});

	test('Relations that clear or go with their row as the bundled ones do; aliases as the other side of theirs', () => {
		expect(
			plan.relations.map(
				(relation) =>
					`${relation.collection}.${relation.field} → ${relation.related_collection} ${relation.schema.on_delete}`,
			),
		).toEqual([
			'organizations.portal_badge → directus_policies SET NULL',
			'people.portal_group → portal_groups NO ACTION',
			'portal_case_followers.ticket → cases CASCADE',
			'portal_case_followers.contact → people CASCADE',
			'portal_case_followers.participant → cases_people CASCADE',
		]);
		expect(
			plan.aliases.map(
				({ field, relation }) => `${field.collection}.${field.field} ← ${relation.collection}.${relation.field}`,
			),
		).toEqual([
			'directus_users.portal_people ← people.directus_user',
			'cases.portal_followers ← portal_case_followers.ticket',
		]);
		for (const { field } of plan.aliases) expect(field).toMatchObject({ type: 'alias', schema: null });
	});

	test('Adds fields, not a collection, to a followers collection that is there already', () => {
		const followers = additions.filter(({ object }) => object === 'ticket_followers');
		const withCollection = factsWithAdditions(
			facts,
			map,
			followers.filter(({ role }) => role !== 'participant'),
		);
		const { additions: rest } = validateDataMap(map, withCollection);
		const again = planDataMapAdditions(map, rest, withCollection, snapshot);
		expect(again.collections).toEqual([]);
		expect(
			again.fields.filter(({ collection }) => collection === 'portal_case_followers').map(({ field }) => field),
		).toEqual(['participant']);
	});

	test('Is empty when there is nothing to add', () => {
		expect(planDataMapAdditions(map, [], facts, snapshot)).toEqual({
			collections: [],
			fields: [],
			relations: [],
			aliases: [],
		});
	});
});
