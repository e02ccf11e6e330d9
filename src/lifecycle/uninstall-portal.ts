/**
 * Uninstalls the product from a Directus: removes everything it put there and leaves the help-desk data
 * as plain Directus collections the team can keep using (or removes it too, with `removeData`).
 *
 * Removed: the triggers, trigger functions and indexes it created; the `portal_*` collections; the portal
 * role with its users (the contacts' portal logins, see below), access rows and presets; its policies
 * (portal groups', customer badges, Portal staff, Portal public) with their permissions and access rows,
 * public ones included; the derived tables and columns; the fields it added to Directus's own and to the
 * help-desk collections that only the portal gives meaning to; the fields (and the followers collection)
 * it added to the team's own collections for the stored data map, while the team's own fields and rows
 * there stay; its entry in the module bar; the install ledger. Directus's services do the removing of
 * Directus's rows, so its caches are cleared as it goes.
 *
 * Portal users are deleted, not kept: each is a login a contact made for the portal, with a password the
 * team never set. Kept, they would be accounts nobody manages (Directus suspends a deleted role's users
 * but keeps them), and an address held by one would block inviting that contact after a reinstall. The
 * contacts themselves stay, with their `user` link cleared; tickets, comments and files stay.
 *
 * Order matters for a portal that is running while it is uninstalled (from the studio): the portal's
 * collections go first, so that nothing of the running product (its doctor, which puts back what it
 * manages) recreates a policy meanwhile. Their references to Directus's rows go with them, so those are
 * recorded first in a plain table (see `recordFootprint`), which also lets a run interrupted anywhere be
 * finished by running it again. Every step skips what is already gone.
 */
import type { SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { adminService, clearPermissionCaches } from '../directus/directus-context.ts';
import { dropPortalDatabaseObjects } from './drop-portal-database-objects.ts';
import { currentContext, type LifecycleContext } from './lifecycle-context.ts';
import { type PortalFootprint, readPortalFootprint, recordFootprint } from './portal-footprint.ts';
import {
	helpDeskPartsUnder,
	portalCollections,
	portalSystemFields,
	uninstallLedgerTable,
} from './product-schema-parts.ts';

type HelpDeskParts = ReturnType<typeof helpDeskPartsUnder>;
import { removeCollections, removeFields } from './remove-collections.ts';
import { type ModuleBarEntry, moduleId, withoutPortalModule } from '../studio/module-bar.ts';
import { installedName } from '../install/collection-names.ts';
import { ledgerTable } from '../install/migration-ledger.ts';

export interface UninstallOptions {
	/** Also remove the help-desk collections (customers … quotes) and their data. */
	removeData: boolean;
}

/** What an uninstall will remove and keep, as it stands now. */
export interface UninstallPlan extends PortalFootprint {
	removeData: boolean;
	/** Collections (and folders) that exist and will be removed. */
	collections: string[];
	/** Fields of collections that stay which will be removed, as `collection.field`. */
	fields: string[];
	/** Help-desk collections that exist and stay. */
	kept: string[];
}

const collectionsToRemove = ({ removeData }: UninstallOptions, parts: HelpDeskParts): string[] => [
	...portalCollections,
	...parts.derivedCollections,
	...(removeData ? parts.helpDeskCollections : []),
];

function fieldsToRemove(
	schema: SchemaOverview,
	removing: readonly string[],
	parts: HelpDeskParts,
	/** `collection.field` of directus_fields rows: a field with no data (a button) is not in the schema overview. */
	described: ReadonlySet<string>,
): string[] {
	const gone = new Set(removing);
	const listed = Object.entries({ ...parts.portalFieldsOfHelpDesk, ...portalSystemFields }).flatMap(
		([collection, fields]) =>
			gone.has(collection)
				? []
				: fields
						.filter(
							(field) =>
								field in (schema.collections[collection]?.fields ?? {}) || described.has(`${collection}.${field}`),
						)
						.map((field) => `${collection}.${field}`),
	);
	const pointing = schema.relations
		.filter(
			(relation) =>
				relation.related_collection !== null &&
				gone.has(relation.related_collection) &&
				!gone.has(relation.collection) &&
				relation.collection in schema.collections,
		)
		.map((relation) => `${relation.collection}.${relation.field}`);
	return [...new Set([...listed, ...pointing])].sort();
}

/** What `uninstallPortal` would remove and keep now; changes nothing. */
export async function planUninstall(context: LifecycleContext, options: UninstallOptions): Promise<UninstallPlan> {
	const schema = await context.getSchema();
	const footprint = await readPortalFootprint(context);
	const parts = helpDeskPartsUnder(footprint.collectionNames);
	const removing = [...collectionsToRemove(options, parts), ...footprint.dataMap.collections];
	const existing = new Set(
		((await context.knex('directus_collections').select('collection')) as { collection: string }[]).map(
			(row) => row.collection,
		),
	);
	const exists = (name: string) => name in schema.collections || existing.has(name);
	const described = new Set(
		(
			(await context.knex('directus_fields').select('collection', 'field')) as { collection: string; field: string }[]
		).map((row) => `${row.collection}.${row.field}`),
	);
	return {
		...footprint,
		removeData: options.removeData,
		collections: removing.filter(exists),
		fields: [...new Set([...fieldsToRemove(schema, removing, parts, described), ...footprint.dataMap.fields])].sort(),
		kept: options.removeData ? [] : parts.helpDeskCollections.filter(exists),
	};
}

/** `collection.field` names, by collection. */
function byCollection(fields: readonly string[]): Record<string, string[]> {
	const grouped: Record<string, string[]> = {};
	for (const name of fields) {
		const [collection = '', field = ''] = name.split('.');
		(grouped[collection] ??= []).push(field);
	}
	return grouped;
}

/** Each step's title as it starts, and each thing removed as it goes. */
export type UninstallProgress = (event: { step: string } | { removed: string }) => void;

/** Removes what the product put on Directus (see the module note). Idempotent: a second run, or one after an interrupted run, ends in the same state. */
export async function uninstallPortal(
	context: LifecycleContext,
	options: UninstallOptions,
	progress: UninstallProgress = () => undefined,
): Promise<void> {
	const removed = (what: string) => progress({ removed: what });
	const step = (title: string) => progress({ step: title });
	const { knex } = context;

	step('Recording what the portal put on Directus');
	const footprint = await readPortalFootprint(context);
	const parts = helpDeskPartsUnder(footprint.collectionNames);
	await recordFootprint(knex, footprint);

	step('Dropping the portal’s database triggers, functions and indexes');
	for (const object of await dropPortalDatabaseObjects(knex)) removed(object);

	step('Removing the portal’s collections');
	await removeCollections(context, portalCollections, removed);

	step('Removing portal users, the portal role and the portal’s policies');
	await removeDirectusRows(context, footprint, removed);

	step('Removing derived tables and the portal’s fields');
	await removeCollections(context, [...parts.derivedCollections, ...footprint.dataMap.collections], removed);
	await removeFields(context, parts.portalFieldsOfHelpDesk, removed);
	await removeFields(context, portalSystemFields, removed);
	await removeFields(context, byCollection(footprint.dataMap.fields), removed);

	step('Removing the studio module from the module bar');
	if (await removeFromModuleBar(context)) removed(`module bar entry ${moduleId}`);

	if (options.removeData) {
		step('Removing the help-desk collections and their data');
		await removeCollections(context, parts.helpDeskCollections, removed);
	}

	step('Removing the install ledger');
	if (await knex.schema.hasTable(ledgerTable)) {
		await knex.schema.dropTable(ledgerTable);
		removed(`table ${ledgerTable}`);
	}
	await clearPermissionCaches(await currentContext(context));
	// Last: until here, a run that stops can be finished by running it again.
	await knex.schema.dropTableIfExists(uninstallLedgerTable);
}

/** Deletes the portal's users, role and policies with their permissions, access rows, presets and history, through Directus's services. */
async function removeDirectusRows(
	context: LifecycleContext,
	footprint: PortalFootprint,
	removed: (what: string) => void,
): Promise<void> {
	const maintenance = await currentContext(context);
	const options = { knex: maintenance.knex, schema: maintenance.schema, accountability: null };
	const users = footprint.users.map(({ id }) => id);
	const roles = footprint.roles;
	const policies = footprint.policies.map(({ id }) => id);
	const anyOf = (conditions: [string, string[]][]) => ({
		_or: conditions.filter(([, ids]) => ids.length > 0).map(([field, ids]) => ({ [field]: { _in: ids } })),
	});
	const hasAny = (...lists: string[][]) => lists.some((list) => list.length > 0);

	if (users.length > 0) {
		// The contacts stay; their logins go. Without events: the portal's hooks would try to re-sync access.
		const contacts = installedName('contacts', footprint.collectionNames ?? {});
		if (
			contacts in maintenance.schema.collections &&
			'user' in (maintenance.schema.collections[contacts]?.fields ?? {})
		) {
			await adminService(maintenance, contacts).updateByQuery(
				{ filter: { user: { _in: users } } },
				{ user: null },
				{ emitEvents: false },
			);
		}
		// Directus's foreign keys from files to their uploader have no ON DELETE: the files stay, unattributed.
		const files = adminService(maintenance, 'directus_files');
		await files.updateByQuery(
			{ filter: { uploaded_by: { _in: users } } },
			{ uploaded_by: null },
			{ emitEvents: false },
		);
		await files.updateByQuery(
			{ filter: { modified_by: { _in: users } } },
			{ modified_by: null },
			{ emitEvents: false },
		);
	}
	if (hasAny(users, roles)) {
		await new maintenance.services.PresetsService(options).deleteByQuery({
			filter: anyOf([
				['user', users],
				['role', roles],
			]),
		});
	}
	if (policies.length > 0)
		await new maintenance.services.PermissionsService(options).deleteByQuery({ filter: { policy: { _in: policies } } });
	if (hasAny(users, roles, policies)) {
		await new maintenance.services.AccessService(options).deleteByQuery({
			filter: anyOf([
				['policy', policies],
				['role', roles],
				['user', users],
			]),
		});
	}
	for (let start = 0; start < users.length; start += 500)
		await new maintenance.services.UsersService(options).deleteMany(users.slice(start, start + 500));
	if (users.length > 0) removed(`${users.length} portal user${users.length === 1 ? '' : 's'}`);
	if (roles.length > 0) {
		await new maintenance.services.RolesService(options).deleteMany(roles);
		removed(`role ${roles.join(', ')}`);
	}
	if (policies.length > 0) {
		await new maintenance.services.PoliciesService(options).deleteMany(policies);
		for (const { name } of footprint.policies) removed(`policy ${name}`);
	}
	// Their history: Directus removes a deleted collection's revisions and activity, and these rows were the product's.
	const items = [...users, ...roles, ...policies];
	for (let start = 0; start < items.length; start += 500) {
		const chunk = items.slice(start, start + 500);
		const ofThese = (query: Knex.QueryBuilder) =>
			query.whereIn('collection', ['directus_users', 'directus_roles', 'directus_policies']).whereIn('item', chunk);
		const activity = ofThese(context.knex('directus_activity').select('id'));
		const revisions = context
			.knex('directus_revisions')
			.select('id')
			.where((query) => ofThese(query).orWhereIn('activity', activity));
		const revisionIds = ((await revisions) as { id: number }[]).map((row) => row.id);
		for (let at = 0; at < revisionIds.length; at += 500) {
			const ids = revisionIds.slice(at, at + 500);
			await context.knex('directus_revisions').update({ parent: null }).whereIn('parent', ids);
			await context.knex('directus_revisions').delete().whereIn('id', ids);
		}
		await ofThese(context.knex('directus_activity')).delete();
	}
}

/** Takes the portal's module out of the module bar; true when it was there. */
async function removeFromModuleBar(context: LifecycleContext): Promise<boolean> {
	const maintenance = await currentContext(context);
	const settings = new maintenance.services.SettingsService({
		knex: maintenance.knex,
		schema: maintenance.schema,
		accountability: null,
	});
	const row = (await settings.readSingleton({ fields: ['module_bar'] })) as { module_bar?: ModuleBarEntry[] | null };
	const bar = row.module_bar ?? null;
	if (!bar?.some((entry) => entry.type === 'module' && entry.id === moduleId)) return false;
	await settings.upsertSingleton({ module_bar: withoutPortalModule(bar) });
	return true;
}
