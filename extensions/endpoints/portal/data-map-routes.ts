/**
 * The studio's Data map page, for Directus admins only: which collections and fields play the portal's
 * customers, contacts, tickets and the rest. GET shows the map the portal runs on, checked against the live
 * schema, with what the editor offers (the objects and roles, the schema's collections and fields); POST
 * `check` validates a proposed map and previews what a group compiles to on it, changing nothing; PUT
 * validates it the same way and puts the portal on it (see `saveDataMap`).
 * Registered before the doctor's gate: a map that no longer fits the schema closes the portal, and this
 * page is where an admin sees why.
 */
import { ForbiddenError } from '@directus/errors';
import type { EndpointExtensionContext } from '@directus/types';
import type { Request, Router } from 'express';
import { compileGroup } from '../../../src/compiler/compile-group.ts';
import { bundledDataMap } from '../../../src/data-map/data-map.ts';
import { isProductObject } from '../../../src/data-map/is-product-object.ts';
import { objectNames, objectSpecs } from '../../../src/data-map/object-specs.ts';
import { missingRoleIndexes } from '../../../src/data-map/role-indexes.ts';
import { schemaFactsFromOverview } from '../../../src/data-map/schema-facts-from-overview.ts';
import { validateDataMap } from '../../../src/data-map/validate-data-map.ts';
import { InvalidDataMapError } from '../../../src/errors/invalid-data-map-error.ts';
import { installedCollectionNames } from '../../../src/lifecycle/portal-footprint.ts';
import { helpDeskPartsUnder, portalCollections } from '../../../src/lifecycle/product-schema-parts.ts';
import { assertGroupPermissions } from '../../../src/groups/assert-group-permissions.ts';
import { systemGroups } from '../../../src/groups/system-groups.ts';
import { compileSettings } from '../../../src/policies/sync-group-policy.ts';
import { fetchPortalSettings } from '../../../src/settings/fetch-portal-settings.ts';
import { saveDataMap } from '../../../src/settings/save-data-map.ts';
import { accountabilityOf } from '../../shared/accountability-of.ts';
import { doctorState } from '../../shared/doctor-state.ts';
import { ipOf } from '../../shared/ip-of.ts';
import { handle } from './handle.ts';
import { maintenanceContext } from './request-context.ts';

const administrator = systemGroups.find((group) => group.name === 'Administrator')?.permissions ?? {};

/** The maintenance context for an admin's request, with the schema read afresh (a field just changed shows). */
async function adminContext(context: EndpointExtensionContext, request: Request) {
	if (accountabilityOf(request)?.admin !== true) throw new ForbiddenError();
	const maintenance = await maintenanceContext(context);
	return { ...maintenance, schema: await context.getSchema({ database: context.database, bypassCache: true }) };
}

export function registerDataMapRoutes(router: Router, context: EndpointExtensionContext): void {
	router.get(
		'/api/studio/data-map',
		handle(async (request, response) => {
			const maintenance = await adminContext(context, request);
			const stored = (await fetchPortalSettings(maintenance)).data_map;
			const facts = schemaFactsFromOverview(maintenance.schema);
			const map = stored ?? bundledDataMap();
			const { map: fitting, problems, additions } = validateDataMap(map, facts);
			response.json({
				data: {
					map,
					stored: stored !== null,
					problems,
					additions,
					// The indexes a save would add (only asked of a map that fits: a missing column has none to get).
					indexes: fitting && problems.length === 0 ? await missingRoleIndexes(maintenance.knex, fitting) : [],
					objects: objectNames.map((name) => ({ name, ...objectSpecs[name] })),
					schema: facts,
					// Not the team's to choose from: the portal's own, its derived tables under the names the install chose,
					// and the tables the map's whole-product objects live in (a saved map's `portal_case_followers`).
					productCollections: [
						...portalCollections,
						...helpDeskPartsUnder(await installedCollectionNames(maintenance.knex)).derivedCollections,
						...objectNames.flatMap((name) => {
							const collection = (fitting ?? bundledDataMap())[name]?.collection;
							return isProductObject(objectSpecs[name]) && collection ? [collection] : [];
						}),
					],
				},
			});
		}),
	);

	router.post(
		'/api/studio/data-map/check',
		handle(async (request, response) => {
			const maintenance = await adminContext(context, request);
			const body = (request.body ?? {}) as { map?: unknown; permissions?: unknown };
			const permissions = assertGroupPermissions(body.permissions ?? administrator);
			const facts = schemaFactsFromOverview(maintenance.schema);
			const { map, problems, additions } = validateDataMap(body.map, facts);
			if (!map) throw new InvalidDataMapError({ problems });
			const settings = await fetchPortalSettings(maintenance);
			const preview = compileGroup(
				permissions,
				compileSettings(maintenance.knex, { parentVisibility: settings.parent_visibility, map }),
			);
			const indexes = await missingRoleIndexes(maintenance.knex, map);
			response.json({ data: { map, additions, indexes, preview } });
		}),
	);

	router.put(
		'/api/studio/data-map',
		handle(async (request, response) => {
			const maintenance = await adminContext(context, request);
			const body = (request.body ?? {}) as { map?: unknown };
			const { map, problems, additions } = validateDataMap(body.map, schemaFactsFromOverview(maintenance.schema));
			if (!map) throw new InvalidDataMapError({ problems });
			const accountability = accountabilityOf(request);
			const users = await saveDataMap(
				{ services: context.services, knex: context.database, getSchema: context.getSchema },
				{ map, additions, actor: String(accountability?.user), ip: ipOf(request) },
			);
			// Writes inside the save (users given the portal, fields added) made the doctor look at a change
			// half-made; its verdict on the committed map comes before the answer.
			await doctorState.recheck?.();
			response.json({ data: { map, stored: true, additions, users } });
		}),
	);
}
