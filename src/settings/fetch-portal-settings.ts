import { adminService, type DirectusContext } from '../directus/directus-context.ts';
import type { PortalSettingsRecord } from '../access/portal-records.ts';
import { isStaffNameStyle } from '../conversation/staff-display-name.ts';
import { parseJsonColumn } from '../directus/parse-json-column.ts';

/** The portal_settings singleton; Directus returns its defaults while no row is stored. */
export async function fetchPortalSettings(context: DirectusContext): Promise<PortalSettingsRecord> {
	const settings = (await adminService(context, 'portal_settings').readSingleton({
		fields: [
			'id',
			'parent_visibility',
			'default_group',
			'portal_role',
			'staff_policy',
			'public_policy',
			'unassigned_customer',
			'invite_ttl_hours',
			'access_mode',
			'self_signup',
			'staff_names',
			'notify_role',
			'portal_name',
			'accent_color',
			'data_map',
		],
	})) as Partial<PortalSettingsRecord>;
	return {
		id: settings.id ?? 1,
		parent_visibility: settings.parent_visibility ?? true,
		default_group: settings.default_group ?? null,
		portal_role: settings.portal_role ?? null,
		staff_policy: settings.staff_policy ?? null,
		public_policy: settings.public_policy ?? null,
		unassigned_customer: settings.unassigned_customer ?? null,
		invite_ttl_hours: settings.invite_ttl_hours ?? 72,
		access_mode: settings.access_mode ?? 'registered_only',
		self_signup: settings.self_signup ?? 'off',
		notify_role: settings.notify_role ?? null,
		staff_names: isStaffNameStyle(settings.staff_names) ? settings.staff_names : 'full_name',
		portal_name: settings.portal_name ?? null,
		accent_color: settings.accent_color ?? null,
		data_map: parseJsonColumn(settings.data_map) ?? null,
	};
}
