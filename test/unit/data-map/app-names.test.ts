/**
 * The portal app speaks the bundled schema's names; a data map stores them under the team's. Its queries,
 * writes and the rows it reads are translated: nothing at all on the bundled map, field by field, relation by
 * relation and state by state on the second schema's.
 */
import { formatFields } from '@directus/sdk';
import { describe, expect, test } from 'vitest';
import { bundledDataMap } from '../../../src/data-map/data-map.ts';
import type { ObjectName } from '../../../src/data-map/object-specs.ts';
import { fromStoredRow } from '../../../src/data-map/from-stored-row.ts';
import { type AppQuery, toStoredQuery } from '../../../src/data-map/to-stored-query.ts';
import { toStoredPayload } from '../../../src/data-map/to-stored-payload.ts';
import * as appFields from '../../../extensions/portal-app/src/lib/fields.ts';
import { secondSchemaMap } from '../../support/second-schema/second-schema-map.ts';

const everything = {
	'tickets.view_priority': true,
	'projects.estimated_hours': true,
	'devices.extra_fields': [],
} as unknown as Parameters<typeof appFields.ticketFields>[0];

/** Each list of fields the app asks for, by the object it asks it of, as the SDK sends it. */
const appQueries: [ObjectName, readonly unknown[]][] = [
	['tickets', appFields.ticketListFields(everything)],
	['tickets', appFields.ticketFields(everything)],
	['ticket_replies', appFields.commentFields],
	['ticket_attachments', appFields.attachmentFields],
	['ticket_priorities', appFields.priorityOptionFields],
	['projects', appFields.projectListFields(everything)],
	['projects', appFields.projectFields(everything)],
	['devices', appFields.deviceFields(everything)],
	['locations', appFields.locationOptionFields],
	['invoices', appFields.invoiceFields],
	['quotes', appFields.quoteFields],
	['kb_articles', appFields.articleListFields],
	['kb_articles', appFields.articleFields],
	['contacts', appFields.contactProfileFields],
];
const sent = (fields: readonly unknown[]) => formatFields(fields as never);

describe('On the bundled map', () => {
	test.each(appQueries.map(([object, fields]) => ({ object, fields: sent(fields) })))(
		'every field the app asks of $object is asked as it is',
		({ object, fields }) => {
			expect(toStoredQuery(bundledDataMap(), object, { fields }).fields).toEqual(fields);
		},
	);

	test('filters, sorts, deep queries, aggregates and writes are sent as they are, and rows read as they are', () => {
		const query: AppQuery = {
			fields: ['id', 'subject'],
			filter: {
				_and: [
					{ _or: [{ contact: { _eq: 7 } }, { participants: { _some: { contact: { _eq: 7 } } } }] },
					{ status: { _in: ['new', 'open', 'pending'] } },
					{ customer: { name: { _icontains: 'acme' } } },
				],
			},
			sort: ['-date_updated', 'id'],
			deep: { participants: { _filter: { kind: { _eq: 'cc' } }, _sort: ['id'], _limit: 5 } },
			aggregate: { count: ['*'] },
			search: 'printer',
			limit: 21,
			page: 2,
		};
		expect(toStoredQuery(bundledDataMap(), 'tickets', query)).toEqual(query);
		const write = { subject: 'Hello', description: 'World', status: 'new', priority: 2 };
		expect(toStoredPayload(bundledDataMap(), 'tickets', write)).toEqual(write);
		const row = { id: 1, subject: 'Hi', status: 'open', customer: { id: 3, name: 'Acme' }, participants: [4, 5] };
		expect(fromStoredRow(bundledDataMap(), 'tickets', row)).toEqual(row);
	});
});

describe('On the second schema', () => {
	const map = secondSchemaMap();

	test('fields follow relations into the objects they lead to; what the map leaves out is not asked', () => {
		const fields = sent(appFields.ticketListFields(everything));
		expect(toStoredQuery(map, 'tickets', { fields }).fields).toEqual([
			'id',
			'title',
			'state',
			'created_on',
			'account.id',
			'account.label',
			'opened_by.given_name',
			'opened_by.family_name',
		]);
		expect(toStoredQuery(map, 'tickets', { fields: ['participants.contact.id', 'priority.name'] }).fields).toEqual([
			'watchers.people_id.uuid',
		]);
	});

	test('a portal state in a filter asks for every stored value meaning it', () => {
		expect(toStoredQuery(map, 'tickets', { filter: { status: { _in: ['new', 'open'] } } }).filter).toEqual({
			state: { _in: ['new', 'open', 'reopened'] },
		});
		expect(toStoredQuery(map, 'tickets', { filter: { status: { _neq: 'pending' } } }).filter).toEqual({
			state: { _nin: ['waiting on customer'] },
		});
	});

	test('a relational filter is translated on the related object; an `_or` missing a branch goes whole', () => {
		const mapped = toStoredQuery(map, 'tickets', {
			filter: {
				_and: [
					{ customer: { _eq: 3 } },
					{ participants: { _some: { contact: { _eq: 'b7c1' } } } },
					{ _or: [{ subject: { _contains: 'x' } }, { date_updated: { _null: true } }] },
				],
			},
			sort: ['-date_updated', '-date_created'],
		});
		expect(mapped.filter).toEqual({
			_and: [
				{ account: { _eq: 3 } },
				{ watchers: { _some: { [map.ticket_participants!.fields.contact!]: { _eq: 'b7c1' } } } },
			],
		});
		expect(mapped.sort).toEqual(['-created_on']);
	});

	test('a function of a field filters under the function of its stored field; of a field left out, not at all', () => {
		expect(
			toStoredQuery(map, 'tickets', { filter: { 'count(comments)': { _gt: 0 }, 'subject': { _nnull: true } } }).filter,
		).toEqual({ _and: [{ 'count(messages)': { _gt: 0 } }, { title: { _nnull: true } }] });
		expect(toStoredQuery(map, 'tickets', { filter: { 'count(attachments)': { _gt: 0 } } }).filter).toEqual({});
		expect(toStoredQuery(bundledDataMap(), 'tickets', { filter: { 'count(comments)': { _gt: 0 } } }).filter).toEqual({
			'count(comments)': { _gt: 0 },
		});
	});

	test('a write stores each field under its name and a state as its first stored value', () => {
		expect(
			toStoredPayload(map, 'tickets', { subject: 'Printer', description: 'Jammed', status: 'open', priority: 1 }),
		).toEqual({ title: 'Printer', details: 'Jammed', state: 'open' });
		expect(toStoredPayload(map, 'tickets', { status: 'pending' })).toEqual({ state: 'waiting on customer' });
	});

	test('a row reads in the app’s names and states, its related rows too, and nothing that plays no role', () => {
		const customerName = map.customers.fields.name as string;
		expect(
			fromStoredRow(map, 'tickets', {
				id: 9,
				title: 'Printer',
				state: 'reopened',
				account: { id: 3, [customerName]: 'Acme' },
				internal_notes: 'not for the app',
			}),
		).toEqual({ id: 9, subject: 'Printer', status: 'open', customer: { id: 3, name: 'Acme' } });
	});
});
