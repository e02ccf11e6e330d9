import { describe, expect, test } from 'vitest';
import { describeCustomerDependents } from '../../src/customers/customer-dependents.ts';
import { CustomerInUseError } from '../../src/errors/customer-in-use-error.ts';

describe('describeCustomerDependents', () => {
	test('Returns null when nothing depends on the customer', () => {
		expect(describeCustomerDependents({})).toBeNull();
		expect(describeCustomerDependents({ tickets: 0, contacts: 0 })).toBeNull();
	});

	test('Names one kind of dependent in the singular or plural', () => {
		expect(describeCustomerDependents({ tickets: 1 })).toBe('1 ticket');
		expect(describeCustomerDependents({ customers: 3 })).toBe('3 sub-customers');
	});

	test('Lists several kinds in catalogue order joined with "and"', () => {
		expect(describeCustomerDependents({ tickets: 4, customers: 2, quotes: 1 })).toBe(
			'2 sub-customers, 4 tickets and 1 quote',
		);
	});
});

test('CustomerInUseError tells staff what to do', () => {
	const error = new CustomerInUseError({ dependents: '2 tickets' });
	expect(error.message).toBe(
		'This customer cannot be deleted while it still has 2 tickets. Move or delete those first, or set the customer to inactive.',
	);
	expect(error.status).toBe(409);
	expect(error.code).toBe('CUSTOMER_IN_USE');
});
