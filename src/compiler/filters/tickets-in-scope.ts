import type { TicketScope } from '../../catalogue/capabilities.ts';
import type { CompileSettings, Filter } from '../types.ts';
import { isByMe } from './is-by-me.ts';
import { isTicketInMyCustomerTree } from './is-ticket-in-my-customer-tree.ts';
import { ofCustomersInScope } from './of-customers-in-scope.ts';

/**
 * On `tickets`: the tickets a scope reaches, or null for none. A contact's own tickets are those it
 * follows: `ticket_followers` holds each ticket's requester and participants (kept by triggers, see
 * `ticketFollowersTriggers`), so "own" is one test on one table instead of `contact = me OR a
 * participant is me`. Contacts cannot read `ticket_followers`; a rule may still test it.
 */
export function ticketsInScope(scope: TicketScope, settings: CompileSettings): Filter | null {
	if (scope === 'none') return null;
	if (scope === 'own') return { followers: isByMe('contact') };
	if (scope === 'customer_tree' && settings.parentVisibility && settings.ticketCustomerPaths === true)
		return isTicketInMyCustomerTree;
	return ofCustomersInScope(scope, settings);
}
