import type { GroupPermissions } from '../../catalogue/capabilities.ts';
import { isMyContact } from '../filters/is-my-contact.ts';
import { fieldsOf, mapOf } from '../mapped-fields.ts';
import type { CompiledPermission, CompileSettings } from '../types.ts';
import { permissionRow } from './permission-row.ts';

/** `profile.edit`: the contact's own name and phone (their user row's name: compile-identity-rows.ts). */
export function compileProfileRows(permissions: GroupPermissions, settings: CompileSettings): CompiledPermission[] {
	if (!permissions['profile.edit']) return [];
	const map = mapOf(settings);
	return [
		permissionRow(
			map.contacts.collection,
			'update',
			fieldsOf(map.contacts, ['first_name', 'last_name', 'phone']),
			['profile.edit'],
			{
				permissions: isMyContact(map),
			},
		),
	];
}
