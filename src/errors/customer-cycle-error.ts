import { createError } from '@directus/errors';

/** A parent that would put a customer below itself: the hierarchy must stay a tree. */
export const CustomerCycleError = createError(
	'CUSTOMER_CYCLE',
	"A customer cannot be placed below itself or one of its own sub-customers. Choose a parent outside this customer's branch.",
	400,
);
