import { createError } from '@directus/errors';
import type { ItemKey } from '../data-map/item-key.ts';

export interface CustomerParentNotFoundErrorExtensions {
	/** The parent the request named. */
	parent: ItemKey;
}

/** Said before the database refuses the foreign key, which names neither the customer nor what to do. */
export const CustomerParentNotFoundError = createError<CustomerParentNotFoundErrorExtensions>(
	'CUSTOMER_PARENT_NOT_FOUND',
	({ parent }) =>
		`There is no customer ${parent} to place this customer below. Choose an existing parent customer, or none.`,
	400,
);
