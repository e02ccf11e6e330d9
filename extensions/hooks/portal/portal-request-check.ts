import type { Accountability, HookExtensionContext } from '@directus/types';
import type { Request } from 'express';
import type { Knex } from 'knex';
import { fetchPortalSettings } from '../../../src/settings/fetch-portal-settings.ts';
import { isPortalUser } from '../../../src/access/is-portal-user.ts';
import { portalRoleCheck } from '../../../src/access/portal-role-check.ts';
import { accountabilityOf } from '../../shared/accountability-of.ts';
import { schemaOn } from '../../shared/schema-on.ts';

type Context = Pick<HookExtensionContext, 'services' | 'getSchema' | 'database' | 'logger'>;

/**
 * Whether an accountability is a portal user's: signed in, not an admin, under `portal_settings.portal_role`.
 * The role travels in the token, and the portal role is remembered once the settings name it (see
 * portalRoleCheck), so the usual call reads nothing. `knex` is the caller's connection where it has one (on
 * SQLite a second connection would wait for the caller's transaction). Without readable portal settings there
 * is no portal user: staff and the studio keep working while the doctor keeps the portal closed.
 */
export function portalUserCheck({
	services,
	getSchema,
	database,
	logger,
}: Context): (accountability: Accountability | null | undefined, knex?: Knex) => Promise<boolean> {
	const isPortalRole = portalRoleCheck(async (knex: Knex) => {
		try {
			return (await fetchPortalSettings({ services, schema: await schemaOn(getSchema, knex), knex })).portal_role;
		} catch (error) {
			logger.debug(error, 'Customer Portal: portal settings unreadable while telling portal users apart');
			return null;
		}
	});
	return async (accountability, knex = database) => {
		// Admins and visitors are never portal users: the settings are not read for them.
		if (!accountability?.user || accountability.admin === true) return false;
		const role = accountability.role ?? null;
		return isPortalUser(accountability, (await isPortalRole(role, knex)) ? role : null);
	};
}

/** Whether a request comes from a portal user (see portalUserCheck). */
export function portalRequestCheck(context: Context): (request: Request) => Promise<boolean> {
	const isPortalUser = portalUserCheck(context);
	return (request) => isPortalUser(accountabilityOf(request));
}
