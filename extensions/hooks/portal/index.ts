import { defineHook } from '@directus/extensions-sdk';
import { describeCustomerDependents } from '../../../src/customers/customer-dependents.ts';
import { fetchCustomerDependents } from '../../../src/customers/fetch-customer-dependents.ts';
import { CustomerInUseError } from '../../../src/errors/customer-in-use-error.ts';
import { bundleVersion } from '../../shared/bundle-version.ts';
import { loadedEntries } from '../../shared/loaded-entries.ts';

export default defineHook(({ filter, init }, { logger }) => {
	loadedEntries.add('portal-hooks');

	init('app.after', () => {
		logger.info(`Customer Portal ${bundleVersion} loaded`);
	});

	// Refuse in words, before the database refuses with a bare constraint error.
	filter('customers.items.delete', async (keys, _meta, { database }) => {
		const dependents = describeCustomerDependents(await fetchCustomerDependents(keys as (string | number)[], { knex: database }));
		if (dependents) throw new CustomerInUseError({ dependents });
		return keys;
	});
});
