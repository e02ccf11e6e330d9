import type { Query, SchemaOverview } from '@directus/types';
import { describe, expect, test } from 'vitest';
import { assertContactQuery } from '../../../src/queries/assert-contact-query.ts';

/** The part of Directus's schema the check reads: primary keys and relations (m2o with their o2m aliases). */
function schemaOf(
	relations: [collection: string, field: string, related: string | null, oneField: string | null][],
): Pick<SchemaOverview, 'collections' | 'relations'> {
	const collections = Object.fromEntries(
		['tickets', 'ticket_comments', 'ticket_participants', 'customers', 'contacts', 'directus_users', 'attachments'].map(
			(name) => [name, { primary: 'id' }],
		),
	);
	return {
		collections: collections as unknown as SchemaOverview['collections'],
		relations: relations.map(([collection, field, related_collection, one_field]) => ({
			collection,
			field,
			related_collection,
			meta: { one_field },
		})) as unknown as SchemaOverview['relations'],
	};
}

const schema = schemaOf([
	['tickets', 'customer', 'customers', 'tickets'],
	['ticket_comments', 'ticket', 'tickets', 'comments'],
	['ticket_comments', 'author_user', 'directus_users', null],
	['ticket_participants', 'ticket', 'tickets', 'participants'],
	['ticket_participants', 'contact', 'contacts', null],
	['customers', 'parent', 'customers', 'children'],
	['attachments', 'item', null, null],
]);

const check = (collection: string, query: Query) => () => assertContactQuery(schema, collection, query);

describe('Queries a portal user may run', () => {
	test.each<[string, string, Query]>([
		[
			'a filter on the row’s own fields',
			'tickets',
			{ filter: { _and: [{ status: { _eq: 'open' } }, { subject: { _contains: 'x' } }] } },
		],
		['a many-to-one compared as the row’s own column', 'tickets', { filter: { customer: { _eq: 5 } } }],
		['a many-to-one tested on its key only', 'tickets', { filter: { customer: { id: { _in: [5, 6] } } } }],
		[
			'a one-to-many with _some, then a many-to-one column inside',
			'tickets',
			{ filter: { _or: [{ contact: { _eq: 7 } }, { participants: { _some: { contact: { _eq: 7 } } } }] } },
		],
		['a one-to-many with _none', 'tickets', { filter: { comments: { _none: { is_internal: { _eq: false } } } } }],
		[
			'nested _some, a subquery with its own rules at each level',
			'customers',
			{ filter: { tickets: { _some: { comments: { _some: { body: { _contains: 'x' } } } } } } },
		],
		[
			'a function of an own field',
			'tickets',
			{ filter: { 'year(date_created)': { _eq: 2026 } }, sort: ['-year(date_created)'] },
		],
		[
			'own-field sorts, groups and aggregates',
			'tickets',
			{ sort: ['-date_updated', 'id'], group: ['status'], aggregate: { countDistinct: ['id'], count: ['*'] } },
		],
		[
			'a sort by an aggregate of a grouped query',
			'tickets',
			{ group: ['status'], aggregate: { count: ['*'] }, sort: ['-count'] },
		],
		[
			'nested fields and a deep filter that stays on the nested rows',
			'tickets',
			{
				fields: ['id', 'comments.body'],
				deep: {
					comments: { _filter: { is_internal: { _eq: false } }, _sort: ['-date_created'], _limit: 5 },
				} as Query['deep'],
			},
		],
	])('Allows %s', (_name, collection, query) => {
		expect(check(collection, query)).not.toThrow();
	});
});

describe('Queries a portal user may not run, each of which could test rows they cannot read', () => {
	test.each<[string, string, Query, string]>([
		[
			'a bare one-to-many filter (a join without the related rules)',
			'tickets',
			{ filter: { comments: { body: { _contains: 'secret' } } } },
			'filter.comments.body',
		],
		[
			'an operator straight on a one-to-many',
			'tickets',
			{ filter: { comments: { _nnull: true } } },
			'filter.comments._nnull',
		],
		[
			'a many-to-one tested beyond its key',
			'ticket_comments',
			{ filter: { author_user: { email: { _starts_with: 'a' } } } },
			'filter.author_user.email',
		],
		[
			'a bare one-to-many inside _or',
			'customers',
			{ filter: { _or: [{ name: { _eq: 'x' } }, { children: { name: { _eq: 'y' } } }] } },
			'filter._or.1.children.name',
		],
		[
			'a many-to-one beyond its key inside _some',
			'tickets',
			{ filter: { participants: { _some: { contact: { email: { _eq: 'x' } } } } } },
			'filter.participants._some.contact.email',
		],
		[
			'a many-to-one key test that goes further',
			'tickets',
			{ filter: { customer: { id: { _eq: 1 }, name: { _eq: 'x' } } } },
			'filter.customer.name',
		],
		[
			'count() of a one-to-many in a filter',
			'customers',
			{ filter: { 'count(tickets)': { _gt: 0 } } },
			'filter.count(tickets)',
		],
		['count() in fields', 'customers', { fields: ['id', 'count(tickets)'] }, 'fields.count(tickets)'],
		[
			'count() nested in fields',
			'customers',
			{ fields: ['tickets.count(comments)'] },
			'fields.tickets.count(comments)',
		],
		[
			'a reverse relation',
			'customers',
			{ filter: { '$FOLLOW(tickets,customer)': { _some: {} } } },
			'filter.$FOLLOW(tickets,customer)',
		],
		[
			'a many-to-any beyond its key',
			'attachments',
			{ filter: { 'item:tickets': { subject: { _eq: 'x' } } } },
			'filter.item:tickets.subject',
		],
		['a relational sort', 'tickets', { sort: ['-customer.name'] }, 'sort.customer.name'],
		['a sort by a one-to-many', 'tickets', { sort: ['comments'] }, 'sort.comments'],
		['a relational group', 'tickets', { group: ['customer.name'], aggregate: { count: ['*'] } }, 'group.customer.name'],
		['an aggregate of a one-to-many', 'tickets', { aggregate: { count: ['comments'] } }, 'aggregate.comments'],
		['an aggregate through a relation', 'tickets', { aggregate: { sum: ['customer.id'] } }, 'aggregate.customer.id'],
		[
			'a deep filter through a relation of the nested rows',
			'tickets',
			{ deep: { comments: { _filter: { author_user: { email: { _contains: '@' } } } } } as Query['deep'] },
			'deep.comments._filter.author_user.email',
		],
		[
			'a deep sort through a relation',
			'customers',
			{ deep: { tickets: { _sort: ['customer.name'] } } as Query['deep'] },
			'deep.tickets._sort.customer.name',
		],
		[
			'a deep filter two levels down',
			'customers',
			{ deep: { tickets: { comments: { _filter: { ticket: { subject: { _eq: 'x' } } } } } } as Query['deep'] },
			'deep.tickets.comments._filter.ticket.subject',
		],
	])('Refuses %s', (_name, collection, query, path) => {
		expect(check(collection, query)).toThrow(
			expect.objectContaining({
				code: 'PORTAL_QUERY_REFUSED',
				status: 400,
				extensions: expect.objectContaining({ path }),
			}),
		);
	});

	test('Says where and why, in words', () => {
		expect(check('tickets', { filter: { comments: { body: { _contains: 'x' } } } })).toThrow(
			'The query is not available in the portal at "filter.comments.body": filter through "comments" with _some or _none, which apply its rules',
		);
	});
});
