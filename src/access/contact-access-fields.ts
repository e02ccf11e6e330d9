import type { RoleName } from '../data-map/object-specs.ts';
import type { ItemKey } from '../data-map/item-key.ts';

/** The contact roles that decide a contact's portal access (the customer decides its badge). */
export const contactAccessFields = [
	'user',
	'customer',
	'portal_group',
	'login_suspended',
] as const satisfies readonly RoleName<'contacts'>[];

/** A contact's key: an integer in the bundled schema, a uuid or text where a team's collection says so. */
export type ContactKey = ItemKey;
