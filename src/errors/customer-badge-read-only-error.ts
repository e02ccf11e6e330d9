import { createError } from '@directus/errors';

/** A customer badge attached, edited or given permissions by hand would let contacts see another customer's records. */
export const CustomerBadgeReadOnlyError = createError(
	'CUSTOMER_BADGE_READ_ONLY',
	"Customer badges (the \"Portal badge\" policies, customers' portal badge and the policies' portal tree path) are kept by the portal and cannot be attached, edited or given permissions by hand. Change the contact's customer or portal group instead.",
	403,
);
