import type { TicketScope } from '../../catalogue/capabilities.ts';
import { fieldOf, mapOf } from '../mapped-fields.ts';
import type { CompileSettings, Filter } from '../types.ts';
import { isByMe } from './is-by-me.ts';
import { isTicketInMyCustomerTree } from './is-ticket-in-my-customer-tree.ts';
import { ofCustomersInScope } from './of-customers-in-scope.ts';

/**
 * On tickets: the tickets a scope reaches, or null for none (and when the map has no tickets). A contact's
 * own tickets are those it follows: the followers (`ticket_followers`) hold each ticket's requester and
 * participants (kept by triggers, see `ticketFollowersTriggers`), so "own" is one test on one table instead
 * of `contact = me OR a participant is me`. Contacts cannot read the followers; a rule may still test them.
 */
export function ticketsInScope(scope: TicketScope, settings: CompileSettings): Filter | null {
	const map = mapOf(settings);
	const { tickets, ticket_followers: followers } = map;
	if (scope === 'none' || tickets === null) return null;
	if (scope === 'own')
		return followers === null ? null : { [fieldOf(tickets, 'followers')]: isByMe(fieldOf(followers, 'contact'), map) };
	if (scope === 'customer_tree' && settings.parentVisibility && settings.ticketCustomerPaths === true)
		return isTicketInMyCustomerTree(tickets);
	return ofCustomersInScope(scope, settings, fieldOf(tickets, 'customer'));
}
