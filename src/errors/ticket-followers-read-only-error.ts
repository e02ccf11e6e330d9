import { createError } from '@directus/errors';

/** `ticket_followers` follows the tickets' requesters and participants; a row written by hand would show a contact someone else's ticket. */
export const TicketFollowersReadOnlyError = createError(
	'TICKET_FOLLOWERS_READ_ONLY',
	"A ticket's followers are kept by the portal from its requester and participants and cannot be edited. Change the ticket's requester or participants instead.",
	403,
);
