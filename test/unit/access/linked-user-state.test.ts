import { expect, test } from 'vitest';
import { linkedUserState } from '../../../src/access/linked-user-state.ts';

test('An enabled login keeps its status, a suspended user becomes active again, and only an active user holds policies', () => {
	expect(linkedUserState('active', true)).toEqual({ status: 'active', holdsPolicies: true });
	expect(linkedUserState('suspended', true)).toEqual({ status: 'active', holdsPolicies: true });
	expect(linkedUserState('invited', true)).toEqual({ status: 'invited', holdsPolicies: false });
	expect(linkedUserState('draft', true)).toEqual({ status: 'draft', holdsPolicies: false });
});

test('A disabled login is suspended, whatever its status, and holds nothing', () => {
	for (const status of ['active', 'suspended', 'invited', 'archived'])
		expect({ from: status, ...linkedUserState(status, false) }).toEqual({
			from: status,
			status: 'suspended',
			holdsPolicies: false,
		});
});
