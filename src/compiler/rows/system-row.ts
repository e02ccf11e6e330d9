import { findSystemPermission, type SystemPermission } from '../../policies/system-permissions.ts';
import type { CapabilityKey } from '../../catalogue/capabilities.ts';
import type { CompiledPermission, Filter, PermissionAction } from '../types.ts';
import { permissionRow } from './permission-row.ts';

/** A row on a Directus system collection, from the allowlist in `src/policies/system-permissions.ts` only. */
export function systemRow(
	collection: string,
	action: PermissionAction,
	capabilities: CapabilityKey[],
	pick: (allowed: SystemPermission) => { fields?: string[]; permissions: Filter },
): CompiledPermission {
	const allowed = findSystemPermission(collection, action);
	if (!allowed) throw new Error(`${action} on ${collection} is not in the portal's system-permission allowlist.`);
	const { fields = [...allowed.fields], permissions } = pick(allowed);
	return permissionRow(collection, action, fields, capabilities, { permissions });
}
