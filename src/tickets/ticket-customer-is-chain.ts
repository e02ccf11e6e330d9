import type { ObjectMap } from '../data-map/data-map.ts';

/**
 * Whether the tickets reach their customer through a chain of fields (`site.account`) rather than a field of
 * their own. Then no ticket keeps a copy of its customer's path (the triggers copy it through the ticket's own
 * customer field), and the rules join the chain.
 */
export function ticketCustomerIsChain(tickets: ObjectMap<'tickets'> | null | undefined): boolean {
	return (tickets?.fields.customer ?? '').includes('.');
}
