import type { HookExtensionContext, RegisterFunctions } from '@directus/types';
import { describeCustomerDependents } from '../../../src/customers/customer-dependents.ts';
import { fetchCustomerDependents } from '../../../src/customers/fetch-customer-dependents.ts';
import { CustomerInUseError } from '../../../src/errors/customer-in-use-error.ts';

/** Refuses, in words, to delete a customer something still depends on, before the database refuses with a bare constraint error. */
export function registerCustomerDeleteGuard({ filter }: RegisterFunctions, _context: HookExtensionContext): void {
	filter('customers.items.delete', async (keys, _meta, { database }) => {
		const dependents = describeCustomerDependents(
			await fetchCustomerDependents(keys as (string | number)[], { knex: database }),
		);
		if (dependents) throw new CustomerInUseError({ dependents });
		return keys;
	});
}
