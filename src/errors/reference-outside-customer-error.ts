import { createError } from '@directus/errors';

export interface ReferenceOutsideCustomerErrorExtensions {
	collection: string;
	field: string;
}

/** A portal contact's write points a reference (a device's location) at something that is not their own customer's. */
export const ReferenceOutsideCustomerError = createError<ReferenceOutsideCustomerErrorExtensions>(
	'REFERENCE_OUTSIDE_CUSTOMER',
	({ collection, field }) =>
		`The ${field} of ${collection} must be one of your own company's. Choose one of its ${field}s, or none.`,
	400,
);
