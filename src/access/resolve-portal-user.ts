import type { Accountability } from '@directus/types';
import { ForbiddenError } from '@directus/errors';
import type { GroupPermissions } from '../catalogue/capabilities.ts';
import { assertGroupPermissions } from '../groups/assert-group-permissions.ts';
import { adminService, type DirectusContext } from '../directus/directus-context.ts';
import { fieldOf } from '../compiler/mapped-fields.ts';
import { roleColumns } from '../data-map/role-columns.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import type { ContactKey } from './contact-access-fields.ts';
import { isPortalUser } from './is-portal-user.ts';
import type { PortalGroupRecord, PortalSettingsRecord } from './portal-records.ts';
import type { ItemKey } from '../data-map/item-key.ts';

export interface PortalUser {
	user: string;
	contact: { id: ContactKey; customer: ItemKey; login_suspended: boolean };
	group: PortalGroupRecord;
	capabilities: GroupPermissions;
}

/**
 * The signed-in portal user behind a request to one of the product's routes: an active user under the
 * portal role, linked to a contact whose login is not suspended, in a group (theirs or the default).
 * Anyone else gets Directus's 403.
 */
export async function resolvePortalUser(
	context: DirectusContext,
	accountability: Accountability | null,
	settings: PortalSettingsRecord,
): Promise<PortalUser> {
	if (!accountability?.user || !isPortalUser(accountability, settings.portal_role)) throw new ForbiddenError();
	// The user's status comes from the database, not the token: an access token outlives a suspension
	// (Directus checks only its signature until it expires).
	const { contacts } = await fetchDataMap(context);
	const user = `${contacts.collection}.${fieldOf(contacts, 'user')}`;
	const contact = (await context
		.knex(contacts.collection)
		.join('directus_users', 'directus_users.id', user)
		.select(roleColumns(contacts, ['id', 'customer', 'portal_group', 'login_suspended'], contacts.collection))
		.select('directus_users.status as user_status')
		.where(user, accountability.user)
		.first()) as
		| {
				id: ContactKey;
				customer: ItemKey;
				portal_group: number | null;
				login_suspended: boolean | number;
				user_status: string;
		  }
		| undefined;
	const groupId = contact?.portal_group ?? settings.default_group;
	if (!contact || groupId === null) throw new ForbiddenError();
	if (Boolean(contact.login_suspended) || contact.user_status !== 'active') throw new ForbiddenError();
	const group = (await adminService(context, 'portal_groups').readOne(groupId, {
		fields: ['id', 'name', 'is_system', 'permissions', 'policy'],
	})) as PortalGroupRecord;
	return {
		user: accountability.user,
		contact: { id: contact.id, customer: contact.customer, login_suspended: Boolean(contact.login_suspended) },
		group,
		capabilities: assertGroupPermissions(group.permissions ?? {}),
	};
}
