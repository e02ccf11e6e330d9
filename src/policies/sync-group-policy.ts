import { compileGroup } from '../compiler/compile-group.ts';
import { type CompiledPermission } from '../compiler/types.ts';
import { permissionRowContent } from './permission-row-content.ts';
import { permissionRowKey } from './permission-row-key.ts';
import { createManagedPolicy } from './create-managed-policy.ts';
import type { Knex } from 'knex';
import type { CompileOptions, CompileSettings } from '../compiler/types.ts';
import { databaseDialect } from '../database/database-dialect.ts';
import { ticketCustomerIsChain } from '../tickets/ticket-customer-is-chain.ts';
import { assertGroupPermissions } from '../groups/assert-group-permissions.ts';
import { adminService, type DirectusContext, inTransaction, systemService } from '../directus/directus-context.ts';
import type { PortalGroupRecord } from '../access/portal-records.ts';

interface StoredPermission {
	id: number;
	collection: string;
	action: string;
	permissions: unknown;
	validation: unknown;
	presets: unknown;
	fields: string[] | null;
}

export interface GroupPolicySource {
	name: string;
	permissions: unknown;
	/** The group's current policy, or null to create one. */
	policy: string | null;
}

/** What the compiler needs to know besides the group: the portal's settings and what the database keeps. */
export function compileSettings(knex: Knex, options: CompileOptions): CompileSettings {
	// A ticket that reaches its customer through a chain keeps no copy of its path (see `ticketCustomerPathsDerivedTable`).
	const directCustomer = !ticketCustomerIsChain(options.map?.tickets);
	return { ...options, ticketCustomerPaths: databaseDialect(knex) === 'pg' && directCustomer };
}

/**
 * Makes a group's Directus policy hold exactly the rows its permissions compile to: creates the policy
 * when there is none, then creates, updates and deletes only the rows that differ. The cost depends on
 * the group, never on how many contacts are in it (they reach the policy through their own access
 * row). Directus's services clear its permission caches. Returns the policy's id.
 */
export async function writeGroupPolicy(
	context: DirectusContext,
	group: GroupPolicySource,
	options: CompileOptions,
): Promise<string> {
	const compiled = compileGroup(
		assertGroupPermissions(group.permissions ?? {}),
		compileSettings(context.knex, options),
	);
	const name = `Portal group: ${group.name}`;
	let policy = group.policy;
	if (policy) {
		// Also puts back any studio or admin access someone switched on by hand.
		await systemService(context, 'PoliciesService').updateOne(policy, { name, app_access: false, admin_access: false });
	} else {
		policy = await createManagedPolicy(context, {
			name,
			icon: 'shield_person',
			description:
				'Compiled by Customer Portal from the portal group of the same name. Edit the portal group, not this policy.',
		});
	}
	await reconcilePermissions(context, policy, compiled);
	return policy;
}

/** Recompiles a stored group in one transaction, linking a newly created policy to it. */
export async function syncGroupPolicy(
	context: DirectusContext,
	groupId: number,
	options: CompileOptions,
): Promise<string> {
	return inTransaction(context, async (trx) => {
		const groups = adminService(trx, 'portal_groups');
		const group = (await groups.readOne(groupId, {
			fields: ['id', 'name', 'permissions', 'policy'],
		})) as PortalGroupRecord;
		const policy = await writeGroupPolicy(trx, group, options);
		if (policy !== group.policy) await groups.updateOne(groupId, { policy }, { emitEvents: false });
		return policy;
	});
}

/** A permission row of a policy the product manages. */
export type PermissionRow = Omit<CompiledPermission, 'capabilities'>;

/** Makes a policy hold exactly `compiled`: creates, updates and deletes only the rows that differ. */
export async function reconcilePermissions(
	context: DirectusContext,
	policy: string,
	compiled: PermissionRow[],
): Promise<void> {
	const service = systemService(context, 'PermissionsService');
	const stored = (await service.readByQuery({
		filter: { policy: { _eq: policy } },
		fields: ['id', 'collection', 'action', 'permissions', 'validation', 'presets', 'fields'],
		limit: -1,
	})) as StoredPermission[];
	// One row per collection and action: two writers racing (two instances saving one group at once) can
	// both create a row; any later sync keeps the first and deletes the others.
	const storedByKey = new Map<string, StoredPermission>();
	for (const row of stored) if (!storedByKey.has(permissionRowKey(row))) storedByKey.set(permissionRowKey(row), row);
	const wanted = new Set(compiled.map(permissionRowKey));

	const stale = stored
		.filter((row) => !wanted.has(permissionRowKey(row)) || storedByKey.get(permissionRowKey(row)) !== row)
		.map((row) => row.id);
	if (stale.length > 0) await service.deleteMany(stale);

	const toCreate = [];
	for (const row of compiled) {
		const { collection, action, permissions, validation, presets, fields } = row;
		const existing = storedByKey.get(permissionRowKey(row));
		if (!existing) toCreate.push({ policy, collection, action, permissions, validation, presets, fields });
		else if (permissionRowContent(existing) !== permissionRowContent(row))
			await service.updateOne(existing.id, { permissions, validation, presets, fields });
	}
	if (toCreate.length > 0) await service.createMany(toCreate);
}
