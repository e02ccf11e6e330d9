import { itemKey } from '../data-map/item-key.ts';
import type { ContactKey } from './contact-access-fields.ts';
import type { ContactAccessRecord } from './portal-records.ts';
import type { ItemKey } from '../data-map/item-key.ts';

/** What a pending write to one contact means for its login, read from the write's changes over the stored contact. */
export interface ContactAccessPlan {
	contact: ContactKey;
	/** The user the contact links to once the write is done. */
	user: string | null;
	/** The user the write unlinks, if any. */
	released: string | null;
	/** The contact's group once the write is done: its own, or the default. */
	group: number | null;
	/** Whether the contact has no group of its own and the write sets none: the default is stored for it. */
	groupDefaulted: boolean;
	customer: ItemKey | null;
	loginSuspended: boolean;
}

export function planContactAccess(
	contact: ContactAccessRecord,
	changes: Record<string, unknown>,
	defaultGroup: number | null,
): ContactAccessPlan {
	const user = 'user' in changes ? (changes['user'] as string | null) : contact.user;
	return {
		contact: contact.id,
		user,
		released: contact.user && contact.user !== user ? contact.user : null,
		group:
			('portal_group' in changes ? (changes['portal_group'] as number | null) : contact.portal_group) ?? defaultGroup,
		groupDefaulted: !('portal_group' in changes) && contact.portal_group === null,
		customer: 'customer' in changes ? itemKey(changes['customer']) : contact.customer,
		loginSuspended: 'login_suspended' in changes ? changes['login_suspended'] === true : contact.login_suspended,
	};
}
