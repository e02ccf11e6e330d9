import { describe, expect, test } from 'vitest';
import { bundledDataMap } from '../../../src/data-map/data-map.ts';
import { bundledDataMapUnder } from '../../../src/install/collection-names.ts';
import { publicPermissions } from '../../../src/policies/public-policy.ts';
import { staffPermissions } from '../../../src/policies/staff-policy.ts';
import { secondSchemaMap } from '../../support/second-schema/second-schema-map.ts';

describe('The Portal staff and Portal public policies on the map the portal runs on', () => {
	test('On the bundled map: what they always held', () => {
		expect(publicPermissions('public', bundledDataMap())).toEqual([
			{
				collection: 'kb_articles',
				action: 'read',
				fields: ['id', 'title', 'body', 'date_created', 'date_updated'],
				permissions: { _and: [{ status: { _eq: 'published' } }, { audience: { _eq: 'all' } }] },
				validation: null,
				presets: null,
			},
		]);
		expect(publicPermissions('registered_only', bundledDataMap())).toEqual([]);
		const staff = staffPermissions(bundledDataMap());
		expect(staff.filter(({ collection }) => collection === 'contacts')).toEqual([
			expect.objectContaining({ action: 'read', fields: ['*'] }),
			expect.objectContaining({ action: 'update', fields: ['portal_group', 'login_suspended'] }),
		]);
		expect(staff.find(({ collection, action }) => collection === 'customers' && action === 'update')?.fields).toEqual([
			'visible_to_parent',
			'email_domains',
		]);
	});

	test('On renamed bundled collections: the renamed ones, never a team’s collection of the bundled name', () => {
		const map = bundledDataMapUnder({ contacts: 'client_contacts', kb_articles: 'help_articles' });
		expect(publicPermissions('public', map).map(({ collection }) => collection)).toEqual(['help_articles']);
		const collections = staffPermissions(map).map(({ collection }) => collection);
		expect(collections).toContain('client_contacts');
		expect(collections).not.toContain('contacts');
	});

	test('On a team’s own collections: their fields playing the roles; a knowledge base left out gives visitors nothing', () => {
		const map = secondSchemaMap();
		const staff = staffPermissions(map);
		expect(
			staff.find(({ collection, action }) => collection === map.contacts.collection && action === 'update')?.fields,
		).toEqual([map.contacts.fields.portal_group, map.contacts.fields.login_suspended]);
		expect(staff.map(({ collection }) => collection)).not.toContain('contacts');
		// Of the team's own collections, only the fields that play a role: never its other fields.
		const people = staff.find(({ collection, action }) => collection === map.contacts.collection && action === 'read');
		expect(people?.fields).toEqual(expect.arrayContaining(['uuid', 'org', 'email', 'directus_user', 'portal_group']));
		for (const own of ['secret_note', 'pin', 'billing_org', '*']) expect(people?.fields).not.toContain(own);
		const organizations = staff.find(
			({ collection, action }) => collection === map.customers.collection && action === 'read',
		);
		for (const own of ['api_token', 'founded', 'account_manager', '*'])
			expect(organizations?.fields).not.toContain(own);
		expect(publicPermissions('public', { ...map, kb_articles: null })).toEqual([]);
		const articles = { ...bundledDataMap().kb_articles!, collection: 'faq' };
		articles.states = { status: { published: ['live', 'public'] }, audience: { all: ['everyone'] } };
		expect(publicPermissions('public', { ...map, kb_articles: articles })[0]?.permissions).toEqual({
			_and: [{ status: { _in: ['live', 'public'] } }, { audience: { _eq: 'everyone' } }],
		});
	});
});
