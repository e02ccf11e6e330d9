/**
 * The Directus variables the compiler's rules start from: every rule starts from the signed-in user. A
 * user with no contact, or a contact with no customer, matches nothing: a missing link denies, it never
 * widens.
 *
 * What a rule costs is mostly what Directus must look up before the query (docs/performance.md): a
 * variable with a path (`$CURRENT_USER.portal_contacts.customer`) is resolved by reading the user and the
 * contact, three times a request in Directus 11.17, while `$CURRENT_USER` (the user's id) and
 * `$CURRENT_POLICIES` (their policies' ids) are known before any query. So:
 * - "mine" is a join to the one contact row: `contact.user = $CURRENT_USER` (`isMyContact`);
 * - "my customer's" is a join to the one customer row: `customer.portal_badge IN $CURRENT_POLICIES`
 *   (`isMyCustomer`), where the badge is a policy that grants nothing, given only to the users of that
 *   customer's contacts (src/badges/ensure-customer-badge.ts);
 * - "in my customer's tree" compares the customer's tree path with the badge's copy of it,
 *   `$CURRENT_POLICIES.portal_tree_path` (`isInMyCustomerTree`): one read of the user's few policies.
 * Both joins are many-to-one. A join from a customer to its contacts would be a one-to-many, which makes
 * Directus wrap every query in `GROUP BY id` over all matching rows, so "the 25 newest" could no longer
 * walk the date index.
 */

import type { DataMap } from '../data-map/data-map.ts';
import { fieldOf } from './mapped-fields.ts';

export const currentUser = '$CURRENT_USER';

/** A signed-in user's contacts, as a variable path: the alias on `directus_users` the map names (`portal_contacts`). */
const myContacts = (map: DataMap) => `${currentUser}.${fieldOf(map.contacts, 'user_contacts')}`;

/**
 * The signed-in user's contact and its customer, as lists of at most one id (`[null]` when there is none),
 * for checking what a write stores (validation), which cannot join. Safe to resolve: `contacts.user` is
 * unique, so each list has at most one entry (an o2m variable is cut at QUERY_LIMIT_DEFAULT rows).
 */
export const myContactIds = (map: DataMap) => `${myContacts(map)}.${fieldOf(map.contacts, 'id')}`;
export const myCustomerIds = (map: DataMap) => `${myContacts(map)}.${fieldOf(map.contacts, 'customer')}`;

/** The signed-in contact's location, resolved like `myContactIds` (null when contacts have no location). */
export const myLocationIds = (map: DataMap) =>
	map.contacts.fields.location === null ? null : `${myContacts(map)}.${map.contacts.fields.location}`;

/** The ids of the signed-in user's policies: among them, at most one customer badge. */
export const myPolicies = '$CURRENT_POLICIES';
/** The tree path of the signed-in contact's customer, as its badge carries it (null when the user holds no badge). */
export const myCustomerTreePath = '$CURRENT_POLICIES.portal_tree_path';
