import type { SnapshotDiff } from '@directus/types';
import { describe, expect, test } from 'vitest';
import { onlyProductAdditions } from '../../../src/install/add-missing-schema.ts';
import { findNameClashes } from '../../../src/install/find-name-clashes.ts';
import { productNames, productSnapshot } from '../../../src/install/product-schema.ts';

const names = {
	collections: ['customers', 'tickets', 'helpdesk_tickets'],
	systemFields: ['directus_users.portal_contacts'],
};
const whole = (rhs: object) => [{ kind: 'N', rhs }];

describe('What the install takes from a snapshot diff', () => {
	const diff = {
		collections: [
			{ collection: 'customers', diff: whole({ collection: 'customers' }) },
			{ collection: 'orders', diff: [{ kind: 'D', lhs: { collection: 'orders' } }] },
			{ collection: 'tickets', diff: [{ kind: 'E', path: ['meta', 'note'], lhs: 'Ours', rhs: 'Theirs' }] },
		],
		fields: [
			{ collection: 'customers', field: 'name', diff: whole({ field: 'name' }) },
			{ collection: 'tickets', field: 'customer_path', diff: whole({ field: 'customer_path' }) },
			{ collection: 'tickets', field: 'subject', diff: [{ kind: 'N', path: ['meta', 'note'], rhs: 'A note' }] },
			{ collection: 'orders', field: 'total', diff: [{ kind: 'D', lhs: { field: 'total' } }] },
			{ collection: 'directus_users', field: 'portal_contacts', diff: whole({ field: 'portal_contacts' }) },
			{ collection: 'directus_users', field: 'nickname', diff: [{ kind: 'D', lhs: { field: 'nickname' } }] },
		],
		systemFields: [
			{
				collection: 'directus_users',
				field: 'email',
				diff: [{ kind: 'E', path: ['schema', 'is_indexed'], lhs: true, rhs: false }],
			},
		],
		relations: [
			{ collection: 'tickets', field: 'customer', related_collection: 'customers', diff: whole({ field: 'customer' }) },
			{ collection: 'orders', field: 'user', related_collection: 'directus_users', diff: [{ kind: 'D', lhs: {} }] },
			{
				collection: 'tickets',
				field: 'requester',
				related_collection: 'contacts',
				diff: [{ kind: 'E', path: ['schema', 'on_delete'], lhs: 'SET NULL', rhs: 'CASCADE' }],
			},
		],
	} as unknown as SnapshotDiff;

	test('Keeps whole new collections, fields and relations of the product’s', () => {
		const kept = onlyProductAdditions(diff, names);
		expect(kept.collections.map(({ collection }) => collection)).toEqual(['customers']);
		expect(kept.fields.map(({ collection, field }) => `${collection}.${field}`)).toEqual([
			'customers.name',
			'tickets.customer_path',
			'directus_users.portal_contacts',
		]);
		expect(kept.relations.map(({ collection, field }) => `${collection}.${field}`)).toEqual(['tickets.customer']);
	});

	test('Drops every deletion, every change to something that exists, and Directus’s own fields', () => {
		const kept = onlyProductAdditions(diff, names);
		const all = [...kept.collections, ...kept.fields, ...kept.relations].flatMap(({ diff: entries }) => entries);
		expect(all.every((entry) => entry.kind === 'N' && !('path' in entry && entry.path))).toBe(true);
		expect(kept.systemFields).toEqual([]);
	});
});

describe('Names the product needs that something else holds', () => {
	test('Collections and tables by name, fields on Directus’s collections by collection and field', () => {
		expect(
			findNameClashes(names, {
				collections: new Set(['tickets', 'orders']),
				fields: new Set(['directus_users.nickname']),
			}),
		).toEqual(['tickets']);
		expect(
			findNameClashes(names, { collections: new Set(), fields: new Set(['directus_users.portal_contacts']) }),
		).toEqual(['directus_users.portal_contacts']);
		expect(findNameClashes(names, { collections: new Set(['orders']), fields: new Set() })).toEqual([]);
	});

	test('The shipped snapshots name the same things on both databases', () => {
		expect(productNames(productSnapshot('pg'))).toEqual(productNames(productSnapshot('sqlite3')));
		expect(productNames(productSnapshot('sqlite3')).collections).toContain('portal_settings');
	});
});
