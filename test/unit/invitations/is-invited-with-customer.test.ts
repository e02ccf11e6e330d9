import { describe, expect, test } from 'vitest';
import { isInvitedWithCustomer } from '../../../src/invitations/is-invited-with-customer.ts';

describe('Inviting a whole customer', () => {
	const contact = { user: null, email: 'vera@acme.test', status: 'active' };

	test('Invites an active contact with an address and no login', () => {
		expect(isInvitedWithCustomer(contact)).toBe(true);
	});

	test('Leaves out a contact with a user, without an address, or inactive', () => {
		expect(isInvitedWithCustomer({ ...contact, user: 'a1b2' })).toBe(false);
		expect(isInvitedWithCustomer({ ...contact, email: null })).toBe(false);
		expect(isInvitedWithCustomer({ ...contact, email: '' })).toBe(false);
		expect(isInvitedWithCustomer({ ...contact, status: 'archived' })).toBe(false);
	});
});
