import type { HookExtensionContext } from '@directus/types';
import type { Request } from 'express';
import { fetchPortalSettings } from '../../../src/access/fetch-portal-settings.ts';
import { accountabilityOf } from '../../shared/accountability-of.ts';

/**
 * Whether a request comes from a portal user: signed in, not an admin, under `portal_settings.portal_role`.
 * The role travels in the token, so this reads only the settings (and only when asked).
 */
export function portalRequestCheck({ services, getSchema, database }: Pick<HookExtensionContext, 'services' | 'getSchema' | 'database'>): (request: Request) => Promise<boolean> {
	return async (request) => {
		const accountability = accountabilityOf(request);
		if (!accountability?.user || accountability.admin) return false;
		const { portal_role } = await fetchPortalSettings({ services, schema: await getSchema(), knex: database });
		return portal_role !== null && accountability.role === portal_role;
	};
}
