import type { Accountability } from '@directus/types';
import { ForbiddenError } from '@directus/errors';
import type { GroupPermissions } from '../catalogue/capabilities.ts';
import { assertGroupPermissions } from '../groups/assert-group-permissions.ts';
import { adminService, type DirectusContext } from './directus-context.ts';
import type { PortalGroupRecord, PortalSettingsRecord } from './portal-records.ts';

export interface PortalUser {
	user: string;
	contact: { id: number; customer: number; login_suspended: boolean };
	group: PortalGroupRecord;
	capabilities: GroupPermissions;
}

/**
 * The signed-in portal user behind a request to one of the product's routes: an active user under the
 * portal role, linked to a contact whose login is not suspended, in a group (theirs or the default).
 * Anyone else gets Directus's 403.
 */
export async function resolvePortalUser(context: DirectusContext, accountability: Accountability | null, settings: PortalSettingsRecord): Promise<PortalUser> {
	if (!accountability?.user || !settings.portal_role || accountability.role !== settings.portal_role) throw new ForbiddenError();
	const contact = (await context.knex('contacts').select('id', 'customer', 'portal_group', 'login_suspended').where('user', accountability.user).first()) as
		| { id: number; customer: number; portal_group: number | null; login_suspended: boolean | number }
		| undefined;
	const groupId = contact?.portal_group ?? settings.default_group;
	if (!contact || groupId === null) throw new ForbiddenError();
	// An access token outlives a suspension (Directus checks only its signature until it expires): ask the database.
	const user = (await context.knex('directus_users').select('status').where('id', accountability.user).first()) as { status: string } | undefined;
	if (Boolean(contact.login_suspended) || user?.status !== 'active') throw new ForbiddenError();
	const group = (await adminService(context, 'portal_groups').readOne(groupId, { fields: ['id', 'name', 'is_system', 'permissions', 'policy'] })) as PortalGroupRecord;
	return {
		user: accountability.user,
		contact: { id: contact.id, customer: contact.customer, login_suspended: Boolean(contact.login_suspended) },
		group,
		capabilities: assertGroupPermissions(group.permissions ?? {}),
	};
}
