import { ownUserRow } from '../../policies/system-permissions.ts';
import type { GroupPermissions } from '../../catalogue/capabilities.ts';
import { isMyContact } from '../filters/is-my-contact.ts';
import type { CompiledPermission } from '../types.ts';
import { permissionRow } from './permission-row.ts';
import { systemRow } from './system-row.ts';

/** `profile.edit`: the contact's own name and phone, and their own user row. */
export function compileProfileRows(permissions: GroupPermissions): CompiledPermission[] {
	if (!permissions['profile.edit']) return [];
	return [
		permissionRow('contacts', 'update', ['first_name', 'last_name', 'phone'], ['profile.edit'], {
			permissions: isMyContact,
		}),
		systemRow('directus_users', 'update', ['profile.edit'], () => ({ permissions: ownUserRow })),
	];
}
