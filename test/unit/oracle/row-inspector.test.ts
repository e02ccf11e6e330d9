/**
 * The row inspector decides what counts as a leak in an answer: unreadable rows at any depth, ids of
 * unreadable rows in O2M lists, and fields beyond the readable ones (a leak when they carry something
 * the contact could not read anyway).
 */
import { describe, expect, test } from 'vitest';
import { DifferenceLog } from '../../oracle/difference-log.ts';
import type { OracleContext } from '../../oracle/oracle-context.ts';
import { OracleHttp } from '../../oracle/oracle-http.ts';
import { Random } from '../../support/random.ts';
import { accessOf } from '../../oracle/reference-model.ts';
import { RowInspector } from '../../oracle/row-inspector.ts';
import type { SeededWorld } from '../../oracle/seed-world.ts';
import { me, tinyWorld } from './tiny-world.ts';

function inspect(collection: string, rows: unknown[]): DifferenceLog {
	const world = tinyWorld({ 'tickets.view': 'own' });
	const seeded = { local: world, world } as unknown as SeededWorld;
	const log = new DifferenceLog();
	const context: OracleContext = {
		http: new OracleHttp('http://unused', ''),
		log,
		random: new Random(1),
		session: { seeded, access: accessOf(world, me), token: '', signedInWith: 'static token', who: 'me' },
	};
	const inspector = new RowInspector(context);
	inspector.rows(collection, rows);
	inspector.flush('test', 'GET /test');
	return log;
}

describe('RowInspector', () => {
	test('Finds nothing in readable rows with readable fields, nested readable rows included', () => {
		const log = inspect('tickets', [
			{
				id: 31,
				subject: 'x',
				comments: [45],
				participants: [{ id: 42, contact: null }],
				contact: { id: 20, email: 'c20@example.com' },
			},
		]);
		expect(log.differences).toEqual([]);
	});

	test('A row the contact may not read is a leak, at the top or nested', () => {
		expect(inspect('tickets', [{ id: 30, subject: 'x' }]).differences[0]).toMatchObject({
			severity: 'leak',
			got: expect.stringContaining('unreadable tickets [30]'),
		});
		expect(
			inspect('tickets', [{ id: 31, contact: { id: 23, email: 'c23@example.com' } }]).differences[0],
		).toMatchObject({ severity: 'leak', got: expect.stringContaining('unreadable contacts [23] at tickets.contact') });
	});

	test('An id of an unreadable row in an O2M list is a leak; an M2O key is part of the readable row', () => {
		expect(inspect('tickets', [{ id: 31, comments: [45, 46] }]).differences[0]).toMatchObject({
			severity: 'leak',
			got: expect.stringContaining('unreadable ticket_comments [46]'),
		});
		expect(inspect('tickets', [{ id: 32, contact: 23 }]).differences).toEqual([]);
	});

	test('A forbidden field with a value is a leak; empty, it is a deviation', () => {
		expect(inspect('tickets', [{ id: 31, assignee: 'staff' }]).differences[0]).toMatchObject({
			severity: 'leak',
			expected: 'no field tickets.assignee',
		});
		expect(inspect('tickets', [{ id: 31, priority: null }]).differences[0]).toMatchObject({
			severity: 'deviation',
			expected: 'no field tickets.priority',
		});
	});

	test('A forbidden alias holding only rows readable anyway is a deviation, not a leak', () => {
		const log = inspect('customers', [{ id: 1, name: 'C1', projects: [] }]);
		expect(log.differences).toHaveLength(1);
		expect(log.differences[0]).toMatchObject({ severity: 'deviation', expected: 'no field customers.projects' });
	});

	test('The contact’s own row may show their user and group', () => {
		expect(inspect('contacts', [{ id: 20, user: 'u20', portal_group: 100 }]).differences).toEqual([]);
		expect(inspect('contacts', [{ id: 21, user: 'u21' }]).differences[0]).toMatchObject({
			severity: 'leak',
			expected: 'no field contacts.user',
		});
	});
});
