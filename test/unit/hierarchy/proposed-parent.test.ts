import { describe, expect, test } from 'vitest';
import { customerKey } from '../../../src/hierarchy/customer-key.ts';
import { proposedParent } from '../../../src/hierarchy/proposed-parent.ts';

describe('proposedParent', () => {
	test('Tells a payload without parent from one that clears it', () => {
		expect(proposedParent({ name: 'Acme' })).toEqual({ kind: 'unchanged' });
		expect(proposedParent({ parent: null })).toEqual({ kind: 'none' });
		expect(proposedParent(null)).toEqual({ kind: 'unchanged' });
	});

	test('Reads a key as a number or as digits', () => {
		expect(proposedParent({ parent: 7 })).toEqual({ kind: 'existing', id: 7 });
		expect(proposedParent({ parent: '12' })).toEqual({ kind: 'existing', id: 12 });
	});

	test('Reads a nested item: with an id it is that customer, without one a new customer', () => {
		expect(proposedParent({ parent: { id: 4, name: 'Renamed' } })).toEqual({ kind: 'existing', id: 4 });
		expect(proposedParent({ parent: { name: 'New parent' } })).toEqual({ kind: 'new' });
	});

	test('Leaves anything else to Directus’s validation', () => {
		for (const parent of ['abc', 1.5, -3, 0, true, '01', { id: 'x' }])
			expect(proposedParent({ parent })).toEqual({ kind: 'invalid' });
	});
});

test('customerKey accepts positive integers and their digits only', () => {
	expect(customerKey(5)).toBe(5);
	expect(customerKey('5')).toBe(5);
	expect(customerKey('5 ')).toBeNull();
	expect(customerKey(Number.MAX_SAFE_INTEGER + 1)).toBeNull();
	expect(customerKey(undefined)).toBeNull();
});
