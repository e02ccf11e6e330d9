import type { Accountability, EndpointExtensionContext } from '@directus/types';
import type { Request } from 'express';
import { ForbiddenError } from '@directus/errors';
import type { DirectusContext } from '../../../src/directus/directus-context.ts';
import { fetchPortalSettings } from '../../../src/settings/fetch-portal-settings.ts';
import type { PortalSettingsRecord } from '../../../src/access/portal-records.ts';
import { isPortalStaff } from '../../../src/policies/staff-policy.ts';
import { accountabilityOf } from '../../shared/accountability-of.ts';
import { ipOf } from '../../shared/ip-of.ts';

export { accountabilityOf, ipOf };

/** The product's maintenance context (admin services, the schema, knex) for one request. */
export async function maintenanceContext(context: EndpointExtensionContext): Promise<DirectusContext> {
	return { services: context.services, schema: await context.getSchema(), knex: context.database };
}

/** The public base URL of this Directus, for links in e-mails. */
export function publicUrl(context: EndpointExtensionContext): string {
	return String(context.env['PUBLIC_URL'] ?? '').replace(/\/+$/, '');
}

/**
 * The maintenance context, settings and the staff user's accountability for a staff-only route; anyone but portal
 * staff gets Directus's 403.
 */
export async function staffContext(
	context: EndpointExtensionContext,
	request: Request,
): Promise<{ maintenance: DirectusContext; settings: PortalSettingsRecord; staff: Accountability & { user: string } }> {
	const maintenance = await maintenanceContext(context);
	const settings = await fetchPortalSettings(maintenance);
	const staff = accountabilityOf(request);
	if (!staff?.user || !(await isPortalStaff(maintenance, staff, settings.staff_policy))) throw new ForbiddenError();
	return { maintenance, settings, staff: staff as Accountability & { user: string } };
}
