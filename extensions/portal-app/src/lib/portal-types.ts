/** What the portal's own API answers, as the app reads it (see extensions/endpoints/portal/session-routes.ts). */
import type { DataMap } from '../../../../src/data-map/data-map.ts';
import type { GroupPermissions } from '../../../../src/catalogue/capabilities.ts';
import type { PortalLanguage } from '../../../../src/i18n/languages.ts';
import type { Contact, Customer } from './portal-schema.ts';

export type Capabilities = GroupPermissions;

export interface PortalConfig {
	/** The request came with a session (of anyone: /portal/api/me says whose, and whether a contact's). */
	signed_in: boolean;
	/** The project's default language, as the portal speaks it: visitors' pages use it. */
	language: PortalLanguage;
	portal_name: string;
	accent_color: string;
	access_mode: string;
	self_signup: string;
	/** Public mode with tickets that can take a visitor's request (the data map may have none). */
	public_requests: boolean;
	/** Public mode with a knowledge base (the data map may have none). */
	public_knowledge_base: boolean;
}

export interface Me {
	contact: Pick<Contact, 'id' | 'first_name' | 'last_name' | 'email' | 'phone'> & { location: number | null };
	customer: Customer;
	group: { id: number; name: string };
	/** The contact's own Directus language, else the project's default, as the portal speaks it. */
	language: PortalLanguage;
	capabilities: Capabilities;
	parent_visibility: boolean;
	/** The map the portal runs on where it is not the bundled help desk's (see lib/mapped-fetch.ts). */
	data_map: DataMap | null;
}

export interface TeamMember extends Pick<Contact, 'id' | 'first_name' | 'last_name' | 'email'> {
	status: 'active' | 'invited' | 'suspended' | 'no_login' | 'expired' | string;
	invited_until: string | null;
	group: { id: number; name: string | null } | null;
	is_you: boolean;
}

export interface AssignableGroup {
	id: number;
	name: string;
}
