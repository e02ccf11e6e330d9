import type { TicketScope } from '../../catalogue/capabilities.ts';
import { fieldOf, mapOf } from '../mapped-fields.ts';
import type { CompileSettings, Filter } from '../types.ts';
import { isByMe } from './is-by-me.ts';
import { ticketsInScope } from './tickets-in-scope.ts';

/**
 * The rule of the ticket rows themselves. For `own`, a `_some`: Directus makes it
 * `id IN (SELECT ticket FROM ticket_followers WHERE contact IN (…))`, which PostgreSQL serves from the
 * contact index, a semi-join over the contact's few tickets (it still adds an unused join to the
 * followers, grouped by ticket). Directus accepts `_some` only at the top of a rule, so rules reaching
 * tickets through a relation (`ticket: …`) use `ticketsInScope`.
 */
export function ticketRowsInScope(scope: TicketScope, settings: CompileSettings): Filter | null {
	const map = mapOf(settings);
	const { tickets, ticket_followers: followers } = map;
	if (scope === 'own' && tickets !== null && followers !== null)
		return { [fieldOf(tickets, 'followers')]: { _some: isByMe(fieldOf(followers, 'contact'), map) } };
	return ticketsInScope(scope, settings);
}
