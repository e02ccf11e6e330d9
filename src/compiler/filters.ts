/**
 * Directus filter fragments the compiler builds rules from. Every rule starts from the signed-in user
 * and joins through the data (`… contacts.user = $CURRENT_USER`), so a user with no contact, or a
 * contact with no customer, matches nothing: a missing link denies, it never widens.
 */
import type { ProjectScope, TicketScope } from '../catalogue/capabilities.ts';

export type Filter = Record<string, unknown>;

export const currentUser = '$CURRENT_USER';

/** On `contacts`: the signed-in user's own contact. */
export const isMyContact: Filter = { user: { _eq: currentUser } };

/** On `customers`: the signed-in contact's own customer. */
export const isMyCustomer: Filter = { contacts: isMyContact };

/** On `customers`: their customer or one below it that is visible to it (see `customer_tree`). */
export const isInMyCustomerTree: Filter = { ancestors: { ancestor: isMyCustomer } };

/** For validation rules, which see only the payload: the ids of the signed-in user's contact and customer. */
export const myContactIds = '$CURRENT_USER.portal_contacts.id';
export const myCustomerIds = '$CURRENT_USER.portal_contacts.customer';

export interface CompileSettings {
	/** `portal_settings.parent_visibility`: when false, "and the customers below it" means only their own customer. */
	parentVisibility: boolean;
}

/** On `customers`: the customers a customer-wide scope reaches, or null for none. */
export function customersInScope(scope: TicketScope | ProjectScope, settings: CompileSettings): Filter | null {
	if (scope === 'customer') return isMyCustomer;
	if (scope === 'customer_tree') return settings.parentVisibility ? isInMyCustomerTree : isMyCustomer;
	return null;
}

/** On `tickets`: the tickets a scope reaches, or null for none. */
export function ticketsInScope(scope: TicketScope, settings: CompileSettings): Filter | null {
	if (scope === 'none') return null;
	if (scope === 'own') return { _or: [{ contact: isMyContact }, { participants: { contact: isMyContact } }] };
	const customers = customersInScope(scope, settings);
	return customers && { customer: customers };
}

/** On `projects`: the projects a scope reaches, or null for none. */
export function projectsInScope(scope: ProjectScope, settings: CompileSettings): Filter | null {
	if (scope === 'none') return null;
	if (scope === 'member') return { members: { contact: isMyContact } };
	const customers = customersInScope(scope, settings);
	return customers && { customer: customers };
}
