import { createError } from '@directus/errors';

/** `customer_tree` and customers' `tree_path` follow `customers`; a value written by hand would let a contact see the wrong customers. */
export const CustomerTreeReadOnlyError = createError(
	'CUSTOMER_TREE_READ_ONLY',
	'The customer hierarchy (customer_tree and the customers\' tree path) is kept by the portal and cannot be edited. Change the customers\' parent or "Visible to the customers above it" instead.',
	403,
);
