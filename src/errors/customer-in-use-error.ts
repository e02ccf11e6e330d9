import { createError } from '@directus/errors';

export interface CustomerInUseErrorExtensions {
	/** What still depends on the customer, in words: "2 sub-customers and 1 ticket". */
	dependents: string;
}

export const CustomerInUseError = createError<CustomerInUseErrorExtensions>(
	'CUSTOMER_IN_USE',
	({ dependents }) =>
		`This customer cannot be deleted while it still has ${dependents}. Move or delete those first, or set the customer to inactive.`,
	409,
);
