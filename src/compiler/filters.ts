/**
 * Directus filter fragments the compiler builds rules from. Every rule starts from the signed-in user:
 * a user with no contact, or a contact with no customer, matches nothing: a missing link denies, it
 * never widens.
 *
 * Why the rules look up the user's contact and customer as values (`_in: $CURRENT_USER.portal_contacts.…`)
 * instead of joining to them (`customer.contacts.user = $CURRENT_USER`): Directus resolves such a variable
 * before the query (reading the user, contact and customer, three times a request in Directus 11.17: most of
 * what a portal request costs over an admin's, README → Performance), and the query then tests a plain
 * indexed column, `customer IN (7)`. A join through an o2m relation (customers → contacts) makes Directus wrap every
 * query in `GROUP BY id` over all matching rows, so "the 25 newest" can no longer walk the date index.
 * The values are safe to resolve: `contacts.user` is unique, so each list has at most one entry (an o2m
 * variable is cut at QUERY_LIMIT_DEFAULT rows, which a longer list would hit), and a user with no contact
 * resolves to `[null]`, which matches nothing.
 */
import type { ProjectScope, TicketScope } from '../catalogue/capabilities.ts';

export type Filter = Record<string, unknown>;

export const currentUser = '$CURRENT_USER';

/**
 * The signed-in user's contact and its customer, as lists of at most one id (`[null]` when there is none).
 * The customer's id is read as `customer.id`, not `customer`: Directus fetches every variable a request's
 * rules name in one read, and once a rule names a field of the customer (`customer.tree_path`) the bare
 * `customer` comes back as that object, which Directus then refuses as an id ("Invalid numeric value").
 */
export const myContactIds = '$CURRENT_USER.portal_contacts.id';
export const myCustomerIds = '$CURRENT_USER.portal_contacts.customer.id';
/** The same read as the contact's foreign key: one query fewer, for policies that name no other field of the customer (see `compileGroup`). */
export const myCustomerKeys = '$CURRENT_USER.portal_contacts.customer';
/** The tree path of the signed-in contact's customer (see `treePathSql`), or null. */
export const myCustomerTreePath = '$CURRENT_USER.portal_contacts.customer.tree_path';

/** On a row: its `field` (a foreign key to `contacts`) is the signed-in user's contact. */
export const isByMe = (field: string): Filter => ({ [field]: { _in: myContactIds } });

/** On a row: its `field` (a foreign key to `customers`) is the signed-in contact's customer. */
export const isOfMyCustomer = (field = 'customer'): Filter => ({ [field]: { _in: myCustomerIds } });

/** On a row: its `location` is the signed-in contact's location. */
export const isAtMyLocation: Filter = { location: { _in: '$CURRENT_USER.portal_contacts.location' } };

/** On `contacts`: the signed-in user's own contact. */
export const isMyContact: Filter = isByMe('id');

/** On `customers`: the signed-in contact's own customer. */
export const isMyCustomer: Filter = isOfMyCustomer('id');

/**
 * On `customers`: their customer or one below it that is visible to it: the customers whose
 * `tree_path` starts with that of the contact's customer (see `treePathSql`). A many-to-one test, so
 * Directus joins one customer row per ticket instead of grouping by `customer_tree`. It never widens:
 * Directus resolves a missing contact, customer or path to null, and pastes the value into
 * `LIKE '<value>%'`, so null becomes 'null%', which no path (they start with '/') matches.
 */
export const isInMyCustomerTree: Filter = { tree_path: { _starts_with: myCustomerTreePath } };

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

/** On a row with a `customer` foreign key: the rows of the customers a customer-wide scope reaches, or null for none. */
export function ofCustomersInScope(scope: TicketScope | ProjectScope, settings: CompileSettings): Filter | null {
	if (scope === 'customer_tree' && settings.parentVisibility) return { customer: isInMyCustomerTree };
	return scope === 'customer' || scope === 'customer_tree' ? isOfMyCustomer() : null;
}

/**
 * On `tickets`: the tickets a scope reaches, or null for none. A contact's own tickets are those it
 * follows: `ticket_followers` holds each ticket's requester and participants (kept by triggers, see
 * `ticketFollowersTriggers`), so "own" is one test on one table instead of `contact = me OR a
 * participant is me`. Contacts cannot read `ticket_followers`; a rule may still test it.
 */
export function ticketsInScope(scope: TicketScope, settings: CompileSettings): Filter | null {
	if (scope === 'none') return null;
	if (scope === 'own') return { followers: isByMe('contact') };
	return ofCustomersInScope(scope, settings);
}

/**
 * The rule of the `tickets` rows themselves. For `own`, a `_some`: Directus makes it
 * `id IN (SELECT ticket FROM ticket_followers WHERE contact IN (…))`, which PostgreSQL serves from the
 * contact index, a semi-join over the contact's few tickets (it still adds an unused join to the
 * followers, grouped by ticket). Directus accepts `_some` only at the top of a rule, so rules reaching
 * tickets through a relation (`ticket: …`) use `ticketsInScope`.
 */
export function ticketRowsInScope(scope: TicketScope, settings: CompileSettings): Filter | null {
	if (scope === 'own') return { followers: { _some: isByMe('contact') } };
	return ticketsInScope(scope, settings);
}

/** On `projects`: the projects a scope reaches, or null for none. */
export function projectsInScope(scope: ProjectScope, settings: CompileSettings): Filter | null {
	if (scope === 'none') return null;
	if (scope === 'member') return { members: isByMe('contact') };
	return ofCustomersInScope(scope, settings);
}
