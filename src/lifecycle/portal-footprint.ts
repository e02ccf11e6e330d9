import type { Knex } from 'knex';
import { uninstallLedgerTable } from './product-schema-parts.ts';

/** The rows the product put on Directus's own tables, as ids. */
export interface PortalFootprint {
	/** The portal role (`portal_settings.portal_role`); at most one, but an earlier half-finished run may have recorded another. */
	roles: string[];
	/** Group policies, customer badges, the staff and the public policy. */
	policies: { id: string; name: string }[];
	/** Directus users with the portal role: the contacts' portal logins. */
	users: { id: string; email: string | null }[];
}

type Kind = 'role' | 'policy' | 'user';

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
 * Finds what the product put on Directus from its own references to it (`portal_settings`, `portal_groups`,
 * customers' badges, the badges' tree paths) and from what an earlier, unfinished uninstall recorded:
 * those references go with the portal's collections, so an uninstall records them before removing any.
 * Only rows that still exist are returned; a policy with admin access is never the product's (it creates
 * none) and is left alone whatever refers to it.
 */
export async function readPortalFootprint(knex: Knex): Promise<PortalFootprint> {
	const roleIds = new Set([
		...(await referenced(knex, 'portal_settings', ['portal_role'])),
		...(await recorded(knex, 'role')),
	]);
	const policyIds = new Set([
		...(await referenced(knex, 'portal_settings', ['staff_policy', 'public_policy'])),
		...(await referenced(knex, 'portal_groups', ['policy'])),
		...(await referenced(knex, 'customers', ['portal_badge'])),
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
	return { roles, policies, users };
}

/**
 * Records the footprint in a plain table of the product's before anything is removed, so that a run
 * interrupted after the portal's collections (and with them its references) are gone still finds the rest.
 */
export async function recordFootprint(knex: Knex, footprint: PortalFootprint): Promise<void> {
	if (!(await knex.schema.hasTable(uninstallLedgerTable))) {
		await knex.schema.createTable(uninstallLedgerTable, (table) => {
			table.string('kind', 16).notNullable();
			table.string('id', 64).notNullable();
			table.primary(['kind', 'id']);
		});
	}
	const rows = [
		...footprint.roles.map((id) => ({ kind: 'role', id })),
		...footprint.policies.map(({ id }) => ({ kind: 'policy', id })),
		...footprint.users.map(({ id }) => ({ kind: 'user', id })),
	];
	for (let start = 0; start < rows.length; start += 200)
		await knex(uninstallLedgerTable)
			.insert(rows.slice(start, start + 200))
			.onConflict(['kind', 'id'])
			.ignore();
}
