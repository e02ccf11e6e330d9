/**
 * What the portal app shows of a ticket beyond what a contact reads through Directus: the names of the staff who
 * wrote its replies, as the portal settings name staff.
 */
import type { EndpointExtensionContext } from '@directus/types';
import type { Router } from 'express';
import { ForbiddenError } from '@directus/errors';
import { resolvePortalUser } from '../../../src/access/resolve-portal-user.ts';
import { staffAuthorNames } from '../../../src/conversation/staff-author-names.ts';
import { itemKey } from '../../../src/data-map/item-key.ts';
import { fetchDataMap } from '../../../src/settings/fetch-data-map.ts';
import { fetchPortalSettings } from '../../../src/settings/fetch-portal-settings.ts';
import { handle } from './handle.ts';
import { accountabilityOf, maintenanceContext } from './request-context.ts';

export function registerTicketRoutes(router: Router, context: EndpointExtensionContext): void {
	router.get(
		'/api/tickets/:id/staff-names',
		handle(async (request, response) => {
			const accountability = accountabilityOf(request);
			const maintenance = await maintenanceContext(context);
			const settings = await fetchPortalSettings(maintenance);
			await resolvePortalUser(maintenance, accountability, settings);
			const ticket = itemKey(request.params['id']);
			if (ticket === null || !accountability) throw new ForbiddenError();
			const map = await fetchDataMap(maintenance);
			response.json({
				data: await staffAuthorNames(maintenance, accountability, map, ticket, settings.staff_names),
			});
		}),
	);
}
