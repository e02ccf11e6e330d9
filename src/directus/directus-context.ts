/**
 * The product's way to Directus.
 *
 * Services or knex for Directus's system tables: through Directus's services (`adminService`,
 * `systemService`) whenever a person acts, or Directus must see the write (its hooks, its permission and
 * schema caches, its activity); through knex inside the product's own transactions for reads, and for
 * tables or columns Directus's services refuse to write (a policy's `portal_tree_path`, a badge's name in
 * bulk). Services are always built on the context's knex, so a transaction's services see its writes.
 */
import type { Accountability, ExtensionsServices, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';

/**
 * What the product's maintenance code needs from Directus: its services, the schema and a knex (often a
 * transaction). Services built from it act as admin (`accountability: null`): this is the product's
 * own maintenance, never work done on a contact's behalf.
 */
export interface DirectusContext {
	services: ExtensionsServices;
	schema: SchemaOverview;
	knex: Knex;
}

/** Runs `work` in one transaction, with services bound to it. */
export async function inTransaction<T>(
	context: DirectusContext,
	work: (context: DirectusContext) => Promise<T>,
): Promise<T> {
	return context.knex.transaction((trx) => work({ ...context, knex: trx }));
}

/** An items service on `collection`, as the product itself, or as `accountability` where a person acts. */
export function adminService(
	context: DirectusContext,
	collection: string,
	accountability: Accountability | null = null,
) {
	return new context.services.ItemsService(collection, { knex: context.knex, schema: context.schema, accountability });
}

/** The system services the product uses, by name. */
type SystemServiceName =
	| 'AccessService'
	| 'AuthenticationService'
	| 'FilesService'
	| 'MailService'
	| 'NotificationsService'
	| 'PermissionsService'
	| 'PoliciesService'
	| 'RolesService'
	| 'SettingsService'
	| 'UsersService';

/** One of Directus's system services, as the product itself (`accountability: null`), on the context's knex. */
export function systemService<N extends SystemServiceName>(
	context: DirectusContext,
	name: N,
): InstanceType<ExtensionsServices[N]> {
	const Service = context.services[name] as new (options: {
		knex: Knex;
		schema: SchemaOverview;
		accountability: null;
	}) => InstanceType<ExtensionsServices[N]>;
	return new Service({ knex: context.knex, schema: context.schema, accountability: null });
}

/**
 * Clears Directus's permission caches (policies, roles, permissions by user). Directus clears them when
 * its services change access, but inside the caller's transaction: call this after the commit.
 */
export async function clearPermissionCaches(context: DirectusContext): Promise<void> {
	// `clearCaches` is public on Directus's AccessService, though the extension types do not list it.
	await (systemService(context, 'AccessService') as unknown as { clearCaches(): Promise<void> }).clearCaches();
}
