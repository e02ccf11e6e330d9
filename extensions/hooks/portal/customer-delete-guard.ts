import type { HookExtensionContext, RegisterFunctions } from '@directus/types';
import { describeCustomerDependents } from '../../../src/customers/customer-dependents.ts';
import { fetchCustomerDependents } from '../../../src/customers/fetch-customer-dependents.ts';
import { CustomerInUseError } from '../../../src/errors/customer-in-use-error.ts';
import { fetchDataMap } from '../../../src/settings/fetch-data-map.ts';
import { mappedObjectFor } from '../../shared/mapped-object-for.ts';

/**
 * Refuses, in words, to delete a customer something still depends on, before the database refuses with a
 * bare constraint error: on the collection playing customers, counting in the collections the map names.
 */
export function registerCustomerDeleteGuard({ filter }: RegisterFunctions, _context: HookExtensionContext): void {
	filter('items.delete', async (keys, meta, { database }) => {
		if (!(await mappedObjectFor(database, 'customers', meta['collection']))) return keys;
		const dependents = describeCustomerDependents(
			await fetchCustomerDependents(keys as (string | number)[], {
				knex: database,
				map: await fetchDataMap({ knex: database }),
			}),
		);
		if (dependents) throw new CustomerInUseError({ dependents });
		return keys;
	});
}
