import type { Knex } from 'knex';
import { installerAccountability } from '../install/add-missing-schema.ts';
import { applyDataMapAdditions, type DataMapInstallContext } from '../install/apply-data-map-additions.ts';
import { ensureDefaultPriority } from '../tickets/ensure-default-priority.ts';
import { pointProductRelationsAt } from '../data-map/point-product-relations-at.ts';
import { addRoleIndexes } from '../data-map/role-indexes.ts';
import { type AdoptedUsers, adoptLinkedUsers } from '../access/adopt-linked-users.ts';
import { releaseUnlinkedPortalUsers } from '../access/release-unlinked-portal-users.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { bundledDataMap, type DataMap } from '../data-map/data-map.ts';
import type { DataMapAddition } from '../data-map/data-map-problem.ts';
import { derivedTablesOf } from '../database/derived-tables-of.ts';
import { ensureDerivedTable } from '../database/ensure-derived-table.ts';
import { adminService, clearPermissionCaches, systemService } from '../directus/directus-context.ts';
import { customerBadges } from '../badges/customer-badges.ts';
import { fetchDataMap } from './fetch-data-map.ts';
import type { LifecycleContext } from '../lifecycle/lifecycle-context.ts';
import { currentContext } from '../lifecycle/lifecycle-context.ts';
import { restoreManagedPolicies } from '../policies/restore-managed-policies.ts';
import { fetchPortalSettings } from './fetch-portal-settings.ts';

export interface SaveDataMapOptions {
	/** A map `validateDataMap` accepted against the live schema, and the fields it said the product adds. */
	map: DataMap;
	additions: readonly DataMapAddition[];
	actor: string;
	ip: string | null;
}

/**
 * Puts the portal on `map`, all of it or nothing, with the guarantees of a group edit: in one transaction
 * the product's fields are added to the mapped collections, the map is stored (null when it is the bundled
 * one), every group's policy is compiled on it, portal users are given exactly what the new contacts
 * say (users no contact of the new map links lose the portal role; users its contacts link who do not work as
 * staff get it, `adoptLinkedUsers`), badges follow the new customers, the
 * derived tables and the default-priority trigger are installed on the mapped tables, the product's own
 * tables name the mapped customers and contacts (see `pointProductRelationsAt`: invitations for the previous
 * contacts are withdrawn, the audit keeps what it said), and the change is audited. Directus's
 * permission caches are cleared once it is committed, so the next request on every instance runs on it.
 */
export async function saveDataMap(
	{ services, knex, getSchema }: DataMapInstallContext,
	{ map, additions, actor, ip }: SaveDataMapOptions,
): Promise<AdoptedUsers> {
	let users: AdoptedUsers = { adopted: 0, staff: [] };
	const on = (database: Knex): LifecycleContext => ({
		services,
		knex: database,
		getSchema: () => getSchema({ database, bypassCache: true }),
	});
	const before = (await fetchPortalSettings(await currentContext(on(knex)))).data_map;
	const stored = JSON.stringify(map) === JSON.stringify(bundledDataMap()) ? null : map;
	await knex.transaction(async (trx) => {
		await applyDataMapAdditions({ services, knex: trx, getSchema }, map, additions);
		const indexes = await addRoleIndexes(trx, map);
		const maintenance = await currentContext(on(trx));
		// Badges name customers of the map they were given under: when customers move to another collection,
		// the old ones go (their users would otherwise keep a policy the new map does not know as a badge).
		const previous = await fetchDataMap(maintenance);
		if (previous.customers.collection !== map.customers.collection) {
			const badges = ((await customerBadges(trx, previous.customers)) as { badge: string }[]).map((row) => row.badge);
			if (badges.length > 0) await systemService(maintenance, 'PoliciesService').deleteMany(badges);
		}
		await adminService(maintenance, 'portal_settings').upsertSingleton({ data_map: stored }, { emitEvents: false });
		// The tree first (the badges given out next carry its paths); invitations, the audit and the settings
		// name the new customers and contacts from now on.
		const moved = await pointProductRelationsAt(on(trx), map);
		for (const derived of derivedTablesOf(map)) {
			const outcome = await ensureDerivedTable(trx, derived);
			if (outcome.status === 'schema-missing')
				throw new Error(`The data map misses ${outcome.missing.join(', ')}, which ${derived.triggers.keeps} needs.`);
		}
		await ensureDefaultPriority(trx, map);
		// Users the new contacts link who are not portal users yet first (counted and named), then every policy and
		// every portal user as the map says.
		const { portal_role: portalRole, default_group: defaultGroup } = await fetchPortalSettings(maintenance);
		if (portalRole) users = await adoptLinkedUsers(maintenance, portalRole, defaultGroup);
		await restoreManagedPolicies(maintenance);
		if (portalRole) await releaseUnlinkedPortalUsers(maintenance, portalRole);
		await writeAudit(maintenance, {
			action: 'data_map.saved',
			actor_user: actor,
			target_collection: 'portal_settings',
			details: {
				collections: Object.fromEntries(
					Object.entries(map).map(([object, mapped]) => [object, mapped?.collection ?? null]),
				),
				bundled: stored === null,
				was_bundled: before === null,
				added_fields: additions.map(({ collection, field }) => `${collection}.${field}`),
				added_indexes: indexes.map(({ name }) => name),
				adopted_users: users.adopted,
				staff_users_left: users.staff,
				moved_relations: moved,
			},
			ip,
		});
	});
	// Directus cleared its schema and permission caches inside the transaction, where other requests could
	// read them back as they were: cleared again now that the map is committed.
	await new services.UtilsService({
		knex,
		accountability: installerAccountability,
		schema: undefined as never,
	}).clearCache({
		system: true,
	});
	await clearPermissionCaches(await currentContext(on(knex)));
	return users;
}
