/**
 * The portal doctor: reads the effective configuration and every policy that reaches a portal user or
 * the public, and returns what is unsafe, with the fix. Runs at start-up, after changes to what it
 * reads, and on demand (`npm run doctor`, the studio, GET /portal/api/doctor for staff).
 */
import { compileGroup } from '../compiler/compile-group.ts';
import { assertGroupPermissions } from '../groups/assert-group-permissions.ts';
import { parseJsonColumn } from '../directus/parse-json-column.ts';
import { customerBadgeColumns } from '../badges/customer-badge-columns.ts';
import { grantingBadges } from '../badges/granting-badges.ts';
import { staleBadgePaths } from '../badges/stale-badge-paths.ts';
import { strayBadgeAccess } from '../badges/stray-badge-access.ts';
import type { DirectusContext } from '../directus/directus-context.ts';
import { fetchPortalSettings } from '../settings/fetch-portal-settings.ts';
import { publicPermissions } from '../policies/public-policy.ts';
import { derivedTableColumnsOf } from '../database/derived-table-columns.ts';
import { bundledDataMap } from '../data-map/data-map.ts';
import { dataMapOf } from '../settings/data-map-of.ts';
import { mergeColumns, missingColumns } from '../database/missing-columns.ts';
import { compileSettings, type PermissionRow } from '../policies/sync-group-policy.ts';
import { compileOptionsOf } from '../settings/compile-options-of.ts';
import { checkMailTemplates } from './check-mail-templates.ts';
import { mailTemplatesFolder } from '../mail/team-mail-templates.ts';
import { checkEnvironment } from './check-environment.ts';
import { readPortalUserAccess } from './read-portal-user-access.ts';
import { checkSchema } from './check-schema.ts';
import { checkDataMap } from './check-data-map.ts';
import { checkRoleIndexes } from './check-role-indexes.ts';
import { missingRoleIndexes } from '../data-map/role-indexes.ts';
import { schemaFactsFromOverview } from '../data-map/schema-facts-from-overview.ts';
import { checkHost } from './check-host.ts';
import {
	checkBadges,
	checkForeignPolicy,
	checkGroupAccess,
	checkManagedPolicy,
	checkSystemPermissions,
	type StoredPolicy,
} from './check-policies.ts';
import type { Finding } from './finding.ts';

async function fetchPolicies(context: DirectusContext, ids: string[]): Promise<StoredPolicy[]> {
	if (ids.length === 0) return [];
	const policies = (await context
		.knex('directus_policies')
		.select('id', 'name', 'admin_access', 'app_access')
		.whereIn('id', ids)) as Omit<StoredPolicy, 'permissions'>[];
	const rows = (await context
		.knex('directus_permissions')
		.select('policy', 'collection', 'action', 'permissions', 'validation', 'presets', 'fields')
		.whereIn('policy', ids)) as (Record<string, unknown> & { policy: string })[];
	return policies.map((policy) => ({
		...policy,
		admin_access: Boolean(policy.admin_access),
		app_access: Boolean(policy.app_access),
		permissions: rows
			.filter((row) => row.policy === policy.id)
			.map((row) => ({
				collection: String(row['collection']),
				action: row['action'] as PermissionRow['action'],
				permissions: parseJsonColumn(row['permissions']) as PermissionRow['permissions'],
				validation: parseJsonColumn(row['validation']) as PermissionRow['validation'],
				presets: parseJsonColumn(row['presets']) as PermissionRow['presets'],
				fields: typeof row['fields'] === 'string' ? String(row['fields']).split(',') : [],
			})),
	}));
}

export async function runDoctor(
	context: DirectusContext,
	{ env, version }: { env: Record<string, unknown>; version: string | null },
): Promise<Finding[]> {
	const settings = await fetchPortalSettings(context);
	const directusSettings = (await context.knex('directus_settings').select('public_registration').first()) as
		{ public_registration?: boolean | number | null } | undefined;
	const findings = [
		...checkHost(version, {
			public_registration:
				directusSettings?.public_registration === null || directusSettings?.public_registration === undefined
					? null
					: Boolean(directusSettings.public_registration),
		}),
		...checkEnvironment(env),
		...(await checkMailTemplates(mailTemplatesFolder(env))),
	];
	const dataMapFindings = checkDataMap(settings.data_map, schemaFactsFromOverview(context.schema));
	// The derived tables' columns on the map the portal runs on; while that map does not fit, its finding keeps
	// the portal closed, and the bundled collections are checked.
	const map = dataMapFindings.length > 0 ? bundledDataMap() : dataMapOf(settings);
	const badgeColumns = customerBadgeColumns(map);
	const missing = await missingColumns(context.knex, mergeColumns(derivedTableColumnsOf(map), badgeColumns));
	findings.push(...checkSchema(missing), ...dataMapFindings);
	// The portal users' access and badges are read through the map: while it does not fit, they wait for it.
	const mapFits = dataMapFindings.length === 0;
	if (mapFits) findings.push(...checkRoleIndexes(await missingRoleIndexes(context.knex, map)));
	// Before the schema that holds them is applied there are no badges to check, nor columns to ask.
	const badgesReady = mapFits && !missing.some((column) => (column.split('.')[0] as string) in badgeColumns);

	const groups = (await context.knex('portal_groups').select('id', 'name', 'permissions', 'policy')) as {
		id: number;
		name: string;
		permissions: unknown;
		policy: string | null;
	}[];
	const groupPolicies = await fetchPolicies(
		context,
		groups.map((group) => group.policy).filter((policy): policy is string => policy !== null),
	);
	for (const group of groups) {
		const policy = groupPolicies.find((candidate) => candidate.id === group.policy);
		if (!policy) continue;
		// A map that does not fit the schema compiles to rules naming what is not there (or to nothing, when it is
		// not even shaped like a map): the policies are neither compared with it nor put back to it, and the
		// map's finding keeps the portal closed until it fits.
		const managed =
			dataMapFindings.length > 0
				? []
				: checkManagedPolicy(
						policy,
						compileGroup(
							assertGroupPermissions(parseJsonColumn(group.permissions) ?? {}),
							compileSettings(context.knex, compileOptionsOf(settings)),
						),
					);
		findings.push(...managed, ...checkSystemPermissions(policy, 'portal'));
	}

	// Visitors: the product's public policy holds what the access mode asks; anything else public, nothing.
	const publicAccess = (await context.knex('directus_access').select('policy').whereNull('role').whereNull('user')) as {
		policy: string;
	}[];
	for (const policy of await fetchPolicies(
		context,
		publicAccess.map((row) => row.policy),
	)) {
		findings.push(
			...(policy.id === settings.public_policy
				? [
						...checkManagedPolicy(policy, publicPermissions(settings.access_mode, map)),
						...checkSystemPermissions(policy, 'public'),
					]
				: checkForeignPolicy(policy, 'visitors who are not signed in')),
		);
	}

	// Portal users: only their group's policy and their customer's badge, through their own access rows;
	// nothing through the role.
	let strayBadges: string[] | undefined;
	if (settings.portal_role && mapFits) {
		const access = await readPortalUserAccess(context.knex, {
			portalRole: settings.portal_role,
			defaultGroup: settings.default_group,
			badgesReady,
		});
		for (const policy of await fetchPolicies(context, access.foreignPolicies))
			findings.push(...checkForeignPolicy(policy, 'portal users'));
		findings.push(...checkGroupAccess(access.drift.excess.length, access.drift.missing.length));
		strayBadges = access.strayBadges;
	}

	// Customer badges: they grant nothing, reach only their own customer's portal users, and carry its place in the tree.
	if (badgesReady) {
		findings.push(
			...checkBadges(
				await fetchPolicies(context, await grantingBadges(context.knex)),
				(strayBadges ?? (await strayBadgeAccess(context.knex))).length,
				await staleBadgePaths(context.knex),
			),
		);
	}
	return findings;
}

export function isPortalOpen(findings: Finding[]): boolean {
	return !findings.some((finding) => finding.severity === 'critical');
}
