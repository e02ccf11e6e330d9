import { describe, expect, test } from 'vitest';
import { boundWritesByReads } from '../../../src/compiler/bound-writes-by-reads.ts';
import type { CompiledPermission } from '../../../src/compiler/types.ts';

/** A compiled row with only what `boundWritesByReads` reads: collection, action and item filter. */
const row = (
	collection: string,
	action: CompiledPermission['action'],
	permissions: Record<string, unknown> | null,
): CompiledPermission => ({
	collection,
	action,
	fields: ['id'],
	permissions,
	validation: null,
	presets: null,
	capabilities: [],
});

const mine = { contact: { user: { _eq: '$CURRENT_USER' } } };
const ofMyCustomer = { customer: { portal_badge: { _in: '$CURRENT_POLICIES' } } };

describe('boundWritesByReads', () => {
	test('Adds the read rule to an update whose rule is another one', () => {
		const [, update] = boundWritesByReads([row('tickets', 'read', ofMyCustomer), row('tickets', 'update', mine)]);
		expect(update?.permissions).toEqual({ _and: [ofMyCustomer, mine] });
	});

	test('Joins the read rule to the conjuncts of an update that is already an `_and`', () => {
		const pending = { status: { _eq: 'pending' } };
		const [, update] = boundWritesByReads([
			row('quotes', 'read', mine),
			row('quotes', 'update', { _and: [pending, { total: { _gt: 0 } }] }),
		]);
		expect(update?.permissions).toEqual({ _and: [mine, pending, { total: { _gt: 0 } }] });
	});

	test('Leaves an update alone that is the read rule, or already requires it', () => {
		const same = [row('devices', 'read', ofMyCustomer), row('devices', 'update', ofMyCustomer)];
		expect(boundWritesByReads(same)).toEqual(same);
		const narrower = [
			row('quotes', 'read', ofMyCustomer),
			row('quotes', 'update', { _and: [ofMyCustomer, { status: { _eq: 'pending' } }] }),
		];
		expect(boundWritesByReads(narrower)).toEqual(narrower);
	});

	test('Gives an update without an item rule the read rule, and a read without one changes nothing', () => {
		expect(
			boundWritesByReads([row('contacts', 'read', mine), row('contacts', 'update', null)])[1]?.permissions,
		).toEqual(mine);
		expect(
			boundWritesByReads([row('ticket_priorities', 'read', null), row('ticket_priorities', 'update', mine)])[1]
				?.permissions,
		).toEqual(mine);
	});

	test('Drops an update or delete on a collection the group cannot read, and never touches reads or creates', () => {
		const rows = [
			row('devices', 'create', null),
			row('devices', 'update', mine),
			row('devices', 'delete', mine),
			row('tickets', 'read', mine),
		];
		expect(boundWritesByReads(rows)).toEqual([row('devices', 'create', null), row('tickets', 'read', mine)]);
	});
});
