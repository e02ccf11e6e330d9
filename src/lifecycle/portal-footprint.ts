import type { Knex } from 'knex';
import { InvalidDataMapError } from '../errors/invalid-data-map-error.ts';
import { type CollectionNames, installedName, parseCollectionNames } from '../install/collection-names.ts';
import { readLedger, recordedCollectionNames } from '../install/migration-ledger.ts';
import { dataMapOf } from '../settings/data-map-of.ts';
import { fetchPortalSettings } from '../settings/fetch-portal-settings.ts';
import { dataMapProductParts } from './data-map-product-parts.ts';
import { currentContext, type LifecycleContext } from './lifecycle-context.ts';
import { uninstallLedgerTable } from './product-schema-parts.ts';

/** What the product put on Directus: its rows on Directus's own tables, as ids, and its fields on the team's collections. */
export interface PortalFootprint {
	/** The portal role (`portal_settings.portal_role`); at most one, but an earlier half-finished run may have recorded another. */
	roles: string[];
	/** Group policies, customer badges, the staff and the public policy. */
	policies: { id: string; name: string }[];
	/** Directus users with the portal role: the contacts' portal logins. */
	users: { id: string; email: string | null }[];
	/**
	 * What the product added to the team's own collections for the stored data map (`dataMapProductParts`):
	 * a collection it keeps whole, and fields as `collection.field`.
	 */
	dataMap: { collections: string[]; fields: string[] };
	/**
	 * The names the help desk's collections were created under, from the install ledger (or, once that is gone,
	 * from what an earlier, unfinished uninstall recorded); null when no install of the product is recorded.
	 */
	collectionNames: CollectionNames | null;
}

type Kind = 'role' | 'policy' | 'user' | 'collection' | 'field' | 'names';

const columnsOf = async (knex: Knex, table: string): Promise<Record<string, unknown>> =>
	(await knex.schema.hasTable(table)) ? await knex(table).columnInfo() : {};

/** Non-null values of `column` in `table`, when both exist. */
async function referenced(knex: Knex, table: string, columns: string[]): Promise<string[]> {
	const present = await columnsOf(knex, table);
	const found: string[] = [];
	for (const column of columns.filter((name) => name in present)) {
		const rows = (await knex(table).distinct(column).whereNotNull(column)) as Record<string, unknown>[];
		found.push(...rows.map((row) => String(row[column])));
	}
	return found;
}

/** Customer badges by the tree path only they carry (also those whose customer is gone). */
async function badgePolicies(knex: Knex): Promise<string[]> {
	if (!('portal_tree_path' in (await columnsOf(knex, 'directus_policies')))) return [];
	return ((await knex('directus_policies').select('id').whereNotNull('portal_tree_path')) as { id: string }[]).map(
		(row) => row.id,
	);
}

/** What an earlier, unfinished uninstall recorded (see `recordFootprint`). */
async function recorded(knex: Knex, kind: Kind): Promise<string[]> {
	if (!(await knex.schema.hasTable(uninstallLedgerTable))) return [];
	return ((await knex(uninstallLedgerTable).select('id').where('kind', kind)) as { id: string }[]).map((row) => row.id);
}

/**
 * The parts the stored data map (`portal_settings.data_map`) had the product add to the team's collections,
 * and those an earlier, unfinished uninstall recorded; only those that still exist. A stored map not even
 * shaped like one names nothing the product could tell apart from the team's own.
 */
async function dataMapParts(
	context: LifecycleContext,
	names: CollectionNames | null,
): Promise<PortalFootprint['dataMap']> {
	const maintenance = await currentContext(context);
	const { schema, knex } = maintenance;
	let parts: PortalFootprint['dataMap'] = { collections: [], fields: [] };
	if ('portal_settings' in schema.collections) {
		try {
			parts = dataMapProductParts(dataMapOf(await fetchPortalSettings(maintenance)), names ?? {});
		} catch (error) {
			if (!(error instanceof InvalidDataMapError)) throw error;
		}
	}
	const collections = new Set([...parts.collections, ...(await recorded(knex, 'collection'))]);
	const fields = new Set([...parts.fields, ...(await recorded(knex, 'field'))]);
	const fieldExists = (name: string) => {
		const [collection = '', field = ''] = name.split('.');
		return !collections.has(collection) && field in (schema.collections[collection]?.fields ?? {});
	};
	return {
		collections: [...collections].filter((name) => name in schema.collections).sort(),
		fields: [...fields].filter(fieldExists).sort(),
	};
}

/**
 * Finds what the product put on Directus from its own references to it (`portal_settings`, `portal_groups`,
 * customers' badges, the badges' tree paths, the stored data map) and from what an earlier, unfinished
 * uninstall recorded: those references go with the portal's collections, so an uninstall records them
 * before removing any. Only rows that still exist are returned; a policy with admin access is never the
 * product's (it creates none) and is left alone whatever refers to it.
 */
export async function readPortalFootprint(context: LifecycleContext): Promise<PortalFootprint> {
	const { knex } = context;
	const collectionNames = await installedCollectionNames(knex);
	const roleIds = new Set([
		...(await referenced(knex, 'portal_settings', ['portal_role'])),
		...(await recorded(knex, 'role')),
	]);
	const policyIds = new Set([
		...(await referenced(knex, 'portal_settings', ['staff_policy', 'public_policy'])),
		...(await referenced(knex, 'portal_groups', ['policy'])),
		...(await referenced(knex, installedName('customers', collectionNames ?? {}), ['portal_badge'])),
		...(await badgePolicies(knex)),
		...(await recorded(knex, 'policy')),
	]);
	const roles =
		roleIds.size === 0
			? []
			: (
					(await knex('directus_roles')
						.select('id')
						.whereIn('id', [...roleIds])) as { id: string }[]
				).map((row) => row.id);
	const policies =
		policyIds.size === 0
			? []
			: ((await knex('directus_policies')
					.select('id', 'name')
					.whereIn('id', [...policyIds])
					.andWhere('admin_access', false)
					.orderBy('name')) as { id: string; name: string }[]);
	const userIds = await recorded(knex, 'user');
	const users =
		roles.length === 0 && userIds.length === 0
			? []
			: ((await knex('directus_users')
					.select('id', 'email')
					.where((query) => {
						if (roles.length > 0) query.whereIn('role', roles);
						if (userIds.length > 0) query.orWhereIn('id', userIds);
					})
					.orderBy('email')) as { id: string; email: string | null }[]);
	return { roles, policies, users, dataMap: await dataMapParts(context, collectionNames), collectionNames };
}

/** See `PortalFootprint.collectionNames`. */
export async function installedCollectionNames(knex: Knex): Promise<CollectionNames | null> {
	const ledger = await readLedger(knex);
	// Recorded by an unfinished uninstall: one row per renamed collection, and '' to say an install was recorded.
	const pairs = ledger ? [recordedCollectionNames(ledger)] : await recorded(knex, 'names');
	if (pairs.length === 0) return null;
	const parsed = parseCollectionNames(pairs.filter((pair) => pair !== '').join(','), []);
	if ('problem' in parsed) throw new Error(`The install ledger's collection names cannot be read: ${parsed.problem}`);
	return parsed.names;
}

/**
 * Records the footprint in a plain table of the product's before anything is removed, so that a run
 * interrupted after the portal's collections (and with them its references) are gone still finds the rest.
 */
export async function recordFootprint(knex: Knex, footprint: PortalFootprint): Promise<void> {
	if (!(await knex.schema.hasTable(uninstallLedgerTable))) {
		await knex.schema.createTable(uninstallLedgerTable, (table) => {
			table.string('kind', 16).notNullable();
			// A role's, policy's or user's id, a collection, or a field as `collection.field`.
			table.string('id', 255).notNullable();
			table.primary(['kind', 'id']);
		});
	}
	const rows = [
		...footprint.roles.map((id) => ({ kind: 'role', id })),
		...footprint.policies.map(({ id }) => ({ kind: 'policy', id })),
		...footprint.users.map(({ id }) => ({ kind: 'user', id })),
		...footprint.dataMap.collections.map((id) => ({ kind: 'collection', id })),
		...footprint.dataMap.fields.map((id) => ({ kind: 'field', id })),
		...(footprint.collectionNames
			? ['', ...Object.entries(footprint.collectionNames).map(([from, to]) => `${from}:${to}`)].map((id) => ({
					kind: 'names',
					id,
				}))
			: []),
	];
	for (let start = 0; start < rows.length; start += 200)
		await knex(uninstallLedgerTable)
			.insert(rows.slice(start, start + 200))
			.onConflict(['kind', 'id'])
			.ignore();
}
