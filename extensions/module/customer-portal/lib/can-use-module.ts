/**
 * Who sees the module: Directus admins, and users whose policies give what the "Portal staff" policy
 * gives (reading portal groups and updating portal settings — nobody else is granted those). The server
 * refuses everyone else on every call the module makes, whatever the app shows.
 */
export interface ModuleUser {
	admin_access: boolean;
}

type AccessLevel = { access?: string } | undefined;
export type ModulePermissions = Record<
	string,
	Partial<Record<'create' | 'read' | 'update' | 'delete' | 'share', AccessLevel>> | undefined
>;

const granted = (level: AccessLevel) => level?.access === 'partial' || level?.access === 'full';

/** The rights that tell the Portal staff policy's holders: reading portal groups and updating portal settings. */
export const moduleRights = [
	['portal_groups', 'read'],
	['portal_settings', 'update'],
] as const;

export function canUseModule(user: ModuleUser, permissions: ModulePermissions): boolean {
	if (user.admin_access) return true;
	return moduleRights.every(([collection, action]) => granted(permissions[collection]?.[action]));
}
