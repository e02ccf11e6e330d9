import type { CapabilityKey } from '../../catalogue/capabilities.ts';
import type { CompiledPermission, Filter, PermissionAction } from '../types.ts';

/** A compiled row; what it leaves out (item rule, validation, presets) is null. */
export function permissionRow(
	collection: string,
	action: PermissionAction,
	fields: string[],
	capabilities: CapabilityKey[],
	{
		permissions = null,
		validation = null,
		presets = null,
	}: { permissions?: Filter | null; validation?: Filter | null; presets?: Record<string, unknown> | null } = {},
): CompiledPermission {
	return { collection, action, fields, permissions, validation, presets, capabilities };
}
