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
}

export interface ContactAccessRecord {
	id: number;
	user: string | null;
	portal_group: number | null;
}
