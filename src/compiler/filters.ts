/**
 * Directus filter fragments the compiler builds rules from. Every rule starts from the signed-in user:
 * a user with no contact, or a contact with no customer, matches nothing: a missing link denies, it
 * never widens.
 *
 * What a rule costs is mostly what Directus must look up before the query (README → Performance): a
 * variable with a path (`$CURRENT_USER.portal_contacts.customer`) is resolved by reading the user and the
 * contact, three times a request in Directus 11.17, while `$CURRENT_USER` (the user's id) and
 * `$CURRENT_POLICIES` (their policies' ids) are known before any query. So:
 * - "mine" is a join to the one contact row: `contact.user = $CURRENT_USER`;
 * - "my customer's" is a join to the one customer row: `customer.portal_badge IN $CURRENT_POLICIES`, where
 *   the badge is a policy that grants nothing, given only to the users of that customer's contacts
 *   (src/access/customer-badge.ts);
 * - "in my customer's tree" compares the customer's tree path with the badge's copy of it,
 *   `$CURRENT_POLICIES.portal_tree_path`: one read of the user's few policies.
 * Both joins are many-to-one. A join from a customer to its contacts would be a one-to-many, which makes
 * Directus wrap every query in `GROUP BY id` over all matching rows, so "the 25 newest" could no longer
 * walk the date index.
 */
import type { ProjectScope, TicketScope } from '../catalogue/capabilities.ts';

export type Filter = Record<string, unknown>;

export const currentUser = '$CURRENT_USER';

/**
 * The signed-in user's contact and its customer, as lists of at most one id (`[null]` when there is none),
 * for checking what a write stores (validation), which cannot join. Safe to resolve: `contacts.user` is
 * unique, so each list has at most one entry (an o2m variable is cut at QUERY_LIMIT_DEFAULT rows).
 */
export const myContactIds = '$CURRENT_USER.portal_contacts.id';
export const myCustomerIds = '$CURRENT_USER.portal_contacts.customer';

/** The ids of the signed-in user's policies: among them, at most one customer badge. */
export const myPolicies = '$CURRENT_POLICIES';
/** The tree path of the signed-in contact's customer, as its badge carries it (null when the user holds no badge). */
export const myCustomerTreePath = '$CURRENT_POLICIES.portal_tree_path';

/** On `contacts`: the signed-in user's own contact. */
export const isMyContact: Filter = { user: { _eq: currentUser } };

/**
 * On a row: its `field` (a foreign key to `contacts`) is the signed-in user's contact. A join to that one
 * contact row, with no variable to resolve.
 */
export const isByMe = (field: string): Filter => ({ [field]: isMyContact });

/** On `customers`: the signed-in contact's own customer, the one whose badge the user holds. */
export const isMyCustomer: Filter = { portal_badge: { _in: myPolicies } };

/** On a row: its `field` (a foreign key to `customers`) is the signed-in contact's customer. */
export const isOfMyCustomer = (field = 'customer'): Filter => ({ [field]: isMyCustomer });

/** On a row: its `location` is the signed-in contact's location. */
export const isAtMyLocation: Filter = { location: { _in: '$CURRENT_USER.portal_contacts.location' } };

/**
 * On `customers`: their customer or one below it that is visible to it: the customers whose
 * `tree_path` starts with that of the contact's customer (see `treePathSql`), as its badge carries it.
 * A many-to-one test, so Directus joins one customer row per ticket instead of grouping by
 * `customer_tree`. It never widens: Directus resolves the paths of the user's policies to a list without
 * empty entries and pastes it into `LIKE '<value>%'`: no badge gives null, 'null%', and two badges (which
 * the product never gives) 'a,b%'; no path (they start with '/') matches either.
 */
export const isInMyCustomerTree: Filter = { tree_path: { _starts_with: myCustomerTreePath } };

/**
 * On `tickets`: the tickets of their customer's tree, by the ticket's own copy of its customer's tree path
 * (`customer_path`, kept by triggers on PostgreSQL, see `ticketCustomerPaths`). "The 25 newest" then walks the
 * date index testing each ticket itself, where the join looked up every ticket's customer (README → Performance).
 */
export const isTicketInMyCustomerTree: Filter = { customer_path: { _starts_with: myCustomerTreePath } };

export interface CompileSettings {
	/** `portal_settings.parent_visibility`: when false, "and the customers below it" means only their own customer. */
	parentVisibility: boolean;
	/** Whether the database keeps `tickets.customer_path` (PostgreSQL): rules on tickets then test it instead of joining the customer. */
	ticketCustomerPaths?: boolean;
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
	if (scope === 'customer_tree' && settings.parentVisibility && settings.ticketCustomerPaths === true) return isTicketInMyCustomerTree;
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
