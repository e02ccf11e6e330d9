import { describe, expect, test } from 'vitest';
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

	test('Reads a uuid key, as a team’s customers may have, in lower case', () => {
		const key = '0b5c9d4e-3f2a-4c1b-9e8d-7a6b5c4d3e2f';
		expect(proposedParent({ parent: key })).toEqual({ kind: 'existing', id: key });
		expect(proposedParent({ parent: { id: key.toUpperCase() } })).toEqual({ kind: 'existing', id: key });
	});

	test('Leaves anything else to Directus’s validation', () => {
		for (const parent of ['abc', 1.5, -3, 0, true, '01', { id: 'x' }])
			expect(proposedParent({ parent })).toEqual({ kind: 'invalid' });
	});
});
