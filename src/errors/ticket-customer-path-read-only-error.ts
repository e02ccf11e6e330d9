import { createError } from '@directus/errors';

/** `tickets.customer_path` follows the ticket's customer; a value written by hand would let a contact see another customer's tickets. */
export const TicketCustomerPathReadOnlyError = createError(
	'TICKET_CUSTOMER_PATH_READ_ONLY',
	"A ticket's customer path is kept by the portal from the ticket's customer and cannot be edited. Change the ticket's customer instead.",
	403,
);
