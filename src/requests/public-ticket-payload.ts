import type { ContactKey } from '../access/contact-access-fields.ts';
import type { ObjectMap } from '../data-map/data-map.ts';
import { storedAs } from '../data-map/stored-as.ts';
import type { ItemKey } from '../data-map/item-key.ts';

/** What a visitor's request says, by role of the ticket it becomes. */
export interface PublicTicket {
	customer: ItemKey;
	requester: ContactKey;
	subject: string;
	description: string;
}

/**
 * The new ticket a public request files, as the collection playing tickets stores it (one that
 * `takesPublicRequests`): its customer and requester, subject, description (null when empty, dropped where
 * the map has none) and the first value meaning the `new` state.
 */
export function publicTicketPayload(tickets: ObjectMap<'tickets'>, ticket: PublicTicket): Record<string, unknown> {
	return storedAs(tickets, {
		customer: ticket.customer,
		requester: ticket.requester,
		subject: ticket.subject,
		description: ticket.description || null,
		status: tickets.states?.status?.['new']?.[0],
	});
}
