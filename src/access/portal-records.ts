import type { StaffNameStyle } from '../conversation/staff-display-name.ts';
import type { ContactKey } from './contact-access-fields.ts';
import type { ItemKey } from '../data-map/item-key.ts';

/** The product's own rows as the access code reads them. */
export interface PortalGroupRecord {
	id: number;
	name: string;
	is_system: boolean;
	permissions: Record<string, unknown> | null;
	policy: string | null;
}

export interface PortalSettingsRecord {
	id: number;
	parent_visibility: boolean;
	default_group: number | null;
	portal_role: string | null;
	staff_policy: string | null;
	public_policy: string | null;
	unassigned_customer: ItemKey | null;
	invite_ttl_hours: number;
	portal_name: string | null;
	accent_color: string | null;
	access_mode: 'registered_only' | 'public';
	self_signup: 'off' | 'matching_domain';
	/** The staff group told of a contact's words on an unassigned ticket (a Directus role); null: the Portal staff. */
	notify_role: string | null;
	/** How staff who answer tickets are named to contacts (see `staffDisplayName`). */
	staff_names: StaffNameStyle;
	/** The stored data map, parsed but unchecked (see `dataMapOf`); null: the bundled help-desk collections. */
	data_map: unknown;
}

/** A contact's access, by role, whatever its collection names the fields (see `readContactAccess`). */
export interface ContactAccessRecord {
	id: ContactKey;
	user: string | null;
	customer: ItemKey | null;
	portal_group: number | null;
	login_suspended: boolean;
}
