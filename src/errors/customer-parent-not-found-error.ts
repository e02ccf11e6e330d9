import { createError } from '@directus/errors';

export interface CustomerParentNotFoundErrorExtensions {
	/** The parent the request named. */
	parent: number;
}

/** Said before the database refuses the foreign key, which names neither the customer nor what to do. */
export const CustomerParentNotFoundError = createError<CustomerParentNotFoundErrorExtensions>(
	'CUSTOMER_PARENT_NOT_FOUND',
	({ parent }) =>
		`There is no customer ${parent} to place this customer below. Choose an existing parent customer, or none.`,
	400,
);
