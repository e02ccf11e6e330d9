/**
 * The tabs of the ticket list: the scopes a contact's `tickets.view` reaches, each as a Directus filter.
 * Directus already limits rows to what the group may see; the tabs only narrow within that.
 */
import type { QueryFilter } from '@directus/sdk';
import type { TicketScope } from '../../../../src/catalogue/capabilities.ts';
import type { PortalSchema, Ticket, TicketStatus } from './portal-schema.ts';
import { strings } from '../strings.ts';

export type TicketTab = 'mine' | 'company' | 'tree';

export interface TicketTabEntry {
	key: TicketTab;
	label: string;
}

export function ticketTabs(scope: TicketScope, parentVisibility: boolean): TicketTabEntry[] {
	const tabs: TicketTabEntry[] = [];
	if (scope === 'none') return tabs;
	tabs.push({ key: 'mine', label: strings.tickets.tabs.mine });
	if (scope === 'customer' || scope === 'customer_tree')
		tabs.push({ key: 'company', label: strings.tickets.tabs.company });
	if (scope === 'customer_tree' && parentVisibility) tabs.push({ key: 'tree', label: strings.tickets.tabs.tree });
	return tabs;
}

export type TicketFilter = QueryFilter<PortalSchema, Ticket>;

/**
 * The tab's filter, or null when Directus's rule already is the tab: with the `own` scope every visible
 * ticket is the contact's, and repeating "requester or participant" would only slow the list down.
 */
export function ticketTabFilter(
	tab: TicketTab,
	me: { contact: number; customer: number },
	scope: TicketScope,
): TicketFilter | null {
	if (tab === 'mine' && scope === 'own') return null;
	if (tab === 'mine')
		return { _or: [{ contact: { _eq: me.contact } }, { participants: { _some: { contact: { _eq: me.contact } } } }] };
	if (tab === 'company') return { customer: { _eq: me.customer } };
	return null;
}

/** Statuses a contact would call open: not yet resolved or closed. */
export const openTicketStatuses: TicketStatus[] = ['new', 'open', 'pending'];

/**
 * Whether the group's `tickets.edit` scope reaches this ticket, to offer the status change only where
 * Directus would accept it (the update permission's item filter is the real check).
 */
export function mayEditTicket(
	scope: TicketScope,
	me: { contact: number; customer: number },
	ticket: {
		customer: { id: number } | null;
		contact: { id: number } | null;
		participants: { contact: { id: number } | null }[] | null;
	},
): boolean {
	if (scope === 'none') return false;
	if (scope === 'customer_tree') return true;
	if (scope === 'customer') return ticket.customer?.id === me.customer;
	return (
		ticket.contact?.id === me.contact ||
		(ticket.participants ?? []).some((participant) => participant.contact?.id === me.contact)
	);
}
