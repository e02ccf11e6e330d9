import type { CapabilityKey } from '../catalogue/capabilities.ts';
import type { DataMap } from '../data-map/data-map.ts';

/** A Directus filter, as a permission row's item rule, validation or a part of one. */
export type Filter = Record<string, unknown>;

export interface CompileSettings {
	/** `portal_settings.parent_visibility`: when false, "and the customers below it" means only their own customer. */
	parentVisibility: boolean;
	/** Whether the database keeps `tickets.customer_path` (PostgreSQL): rules on tickets then test it instead of joining the customer. */
	ticketCustomerPaths?: boolean;
	/** Where the portal's objects live in this Directus; the bundled help-desk schema when left out. */
	map?: DataMap;
}

/** The part of the settings that comes from the portal's settings (the rest is the database's). */
export type CompileOptions = Pick<CompileSettings, 'parentVisibility' | 'map'>;

export type PermissionAction = 'create' | 'read' | 'update' | 'delete';

export interface CompiledPermission {
	collection: string;
	action: PermissionAction;
	fields: string[];
	permissions: Filter | null;
	validation: Filter | null;
	presets: Record<string, unknown> | null;
	/** The capabilities this row exists for; empty for what every portal user needs (their own records). */
	capabilities: CapabilityKey[];
}
