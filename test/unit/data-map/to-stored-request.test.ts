/**
 * A REST request in the portal's names as a data map stores it: what the portal app and the benchmark send on a
 * team's collections, and what the leak oracle asks there. Query strings in Directus's bracket form and in JSON.
 */
import { describe, expect, test } from 'vitest';
import { bundledDataMap } from '../../../src/data-map/data-map.ts';
import { queryOf, toStoredRequest } from '../../../src/data-map/to-stored-request.ts';
import { fromStoredAnswer, fromStoredProductAnswer } from '../../../src/data-map/from-stored-answer.ts';
import { secondSchemaMap } from '../../support/second-schema/second-schema-map.ts';

const map = secondSchemaMap();

describe('A request in the portal\u2019s names', () => {
	test('reads the bracket form of a query string as Directus does', () => {
		expect(
			queryOf(new URLSearchParams('filter[a][b][_eq]=1&groupBy[]=c&groupBy[]=d&aggregate[count]=*&limit=-1')),
		).toEqual({ filter: { a: { b: { _eq: '1' } } }, groupBy: ['c', 'd'], aggregate: { count: '*' }, limit: '-1' });
	});

	test('asks in stored names and states, lists split, bodies too; leaves what is not a mapped object alone', () => {
		const { path, body, object } = toStoredRequest(
			map,
			'/items/tickets?fields=id,subject&filter[status][_eq]=open&filter[customer][_in]=1,2&sort=-date_created',
			{ subject: 'Printer', status: 'new' },
		);
		expect(object).toBe('tickets');
		const url = new URL(path, 'http://x');
		expect(url.pathname).toBe('/items/cases');
		expect(url.searchParams.get('fields')).toBe('id,title');
		expect(JSON.parse(url.searchParams.get('filter') ?? '')).toEqual({
			_and: [{ state: { _in: ['open', 'reopened'] } }, { account: { _in: ['1', '2'] } }],
		});
		expect(url.searchParams.get('sort')).toBe('-created_on');
		expect(body).toEqual({ title: 'Printer', state: 'new' });
		expect(toStoredRequest(map, '/items/projects?fields=*', undefined).object).toBeNull();
		expect(toStoredRequest(map, '/users/me', undefined).path).toBe('/users/me');
	});

	test('reads a JSON filter as a JSON filter', () => {
		const { path } = toStoredRequest(
			map,
			`/items/tickets?filter=${encodeURIComponent('{"status":{"_eq":"pending"}}')}`,
		);
		expect(JSON.parse(new URL(path, 'http://x').searchParams.get('filter') ?? '')).toEqual({
			state: { _in: ['waiting on customer'] },
		});
	});

	test('on the bundled map, asks what it asked', () => {
		const { path, body } = toStoredRequest(
			bundledDataMap(),
			'/items/tickets?fields=id&filter[customer][_eq]=3&aggregate[count]=*&groupBy[]=status',
			{ subject: 'x' },
		);
		const url = new URL(path, 'http://x');
		expect(url.pathname).toBe('/items/tickets');
		expect(JSON.parse(url.searchParams.get('filter') ?? '')).toEqual({ customer: { _eq: '3' } });
		expect(url.searchParams.get('aggregate[count]')).toBe('*');
		expect(url.searchParams.get('groupBy')).toBe('status');
		expect(body).toEqual({ subject: 'x' });
	});

	test('reads an answer back: rows in the portal’s names and states, groups of an aggregate too', () => {
		expect(
			fromStoredAnswer(map, 'tickets', '/items/cases/3?fields=id,title,state', {
				data: { id: 3, title: 'Printer', state: 'reopened' },
			}),
		).toEqual({ data: { id: 3, subject: 'Printer', status: 'open' } });
		expect(
			fromStoredAnswer(map, 'tickets', '/items/cases?aggregate[count]=id&groupBy=state,account', {
				data: [{ state: 'waiting on customer', account: 4, count: { id: 2 } }],
			}),
		).toEqual({ data: [{ status: 'pending', customer: 4, count: { id: 2 } }] });
		expect(
			fromStoredAnswer(map, 'contacts', '/items/people?aggregate[count]=uuid&groupBy=portal_group', {
				data: [{ portal_group: 2, count: { uuid: 5 } }],
			}),
		).toEqual({ data: [{ portal_group: 2, count: { id: 5 } }] });
		expect(fromStoredAnswer(map, 'tickets', '/items/cases', { errors: [] })).toEqual({ errors: [] });
	});

	test('the invitations and the audit keep their names; what goes through their relations is translated', () => {
		const invitations = toStoredRequest(
			map,
			`/items/portal_invitations?fields=id,contact,contact.last_name&filter=${encodeURIComponent('{"contact":{"customer":{"_eq":3}},"accepted_at":{"_null":true}}')}&sort=-id`,
		);
		const url = new URL(invitations.path, 'http://x');
		expect(url.pathname).toBe('/items/portal_invitations');
		expect(invitations).toMatchObject({ object: null, product: 'portal_invitations' });
		expect(url.searchParams.get('fields')).toBe('id,contact,contact.family_name');
		expect(JSON.parse(url.searchParams.get('filter') ?? '')).toEqual({
			contact: { org: { _eq: 3 } },
			accepted_at: { _null: true },
		});
		expect(
			new URL(toStoredRequest(map, '/items/portal_audit?fields=customer.name&sort=customer.name').path, 'http://x')
				.search,
		).toBe(`?${new URLSearchParams({ fields: 'customer.label', sort: 'customer.label' }).toString()}`);
		expect(fromStoredProductAnswer(map, 'portal_audit', { data: [{ id: 1, customer: { label: 'Acme' } }] })).toEqual({
			data: [{ id: 1, customer: { name: 'Acme' } }],
		});
		expect(toStoredRequest(map, '/items/portal_groups?fields=id').object).toBeNull();
	});
});
