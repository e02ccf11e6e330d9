import type { ContactKey } from '../access/contact-access-fields.ts';
import type { RoleName } from '../data-map/object-specs.ts';
import type { ItemKey } from '../data-map/item-key.ts';

/**
 * A contact as the invitation and team rules read it, by role, whatever the collection playing contacts
 * names its fields (see `readContacts`).
 */
export interface InvitableContact {
	id: ContactKey;
	email: string | null;
	/** Null where the map leaves first names unmapped. */
	first_name: string | null;
	last_name: string | null;
	/** `active` where the map leaves the contact's status unmapped: every contact is then active. */
	status: string | null;
	customer: ItemKey;
	user: string | null;
	portal_group: number | null;
}

export interface InvitationRecord {
	id: number;
	contact: ContactKey;
	token_hash: string;
	expires_at: string;
	accepted_at: string | null;
	revoked_at: string | null;
	sent_count: number;
	last_sent_at: string | null;
}

/** The contact roles the invitation and team rules read. */
export const contactRoles = [
	'id',
	'email',
	'first_name',
	'last_name',
	'status',
	'customer',
	'user',
	'portal_group',
	'login_suspended',
] as const satisfies readonly RoleName<'contacts'>[];
