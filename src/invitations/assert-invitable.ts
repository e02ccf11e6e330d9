import { fetchGroupPolicies } from '../access/fetch-group-policies.ts';
import { isStaffUser } from '../access/is-staff-user.ts';
import { adminService, type DirectusContext } from '../directus/directus-context.ts';
import type { PortalGroupRecord, PortalSettingsRecord } from '../access/portal-records.ts';
import { InvitationConflictError } from '../errors/invitation-conflict-error.ts';
import { InvitationRefusedError } from '../errors/invitation-refused-error.ts';
import { assertGroupPermissions } from '../groups/assert-group-permissions.ts';
import { grantsPortalAccess } from '../groups/normalize-group-permissions.ts';
import { readContactAccess } from '../access/read-contact-access.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import { displayName } from './display-name.ts';
import type { InvitableContact } from './invitation-records.ts';

interface UserRow {
	id: string;
	email: string;
	role: string | null;
	status: string;
}

/** Throws, in words staff can act on, when a contact cannot be invited; returns its e-mail otherwise. */
export async function assertInvitable(
	context: DirectusContext,
	contact: InvitableContact,
	settings: PortalSettingsRecord,
): Promise<string> {
	const name = displayName(contact);
	if (!contact.email)
		throw new InvitationRefusedError({ reason: `${name} has no e-mail address. Add one to the contact first.` });
	if (contact.status !== 'active')
		throw new InvitationRefusedError({ reason: `${name} is inactive. Set the contact to active first.` });
	const groupId = contact.portal_group ?? settings.default_group;
	if (groupId === null)
		throw new InvitationRefusedError({
			reason: `${name} has no portal group and there is no default group. Choose a group first.`,
		});
	const group = (await adminService(context, 'portal_groups').readOne(groupId, {
		fields: ['id', 'name', 'permissions'],
	})) as PortalGroupRecord;
	if (!grantsPortalAccess(assertGroupPermissions(group.permissions ?? {}))) {
		throw new InvitationRefusedError({
			reason: `${name} is in the portal group "${group.name}", which cannot sign in. Move the contact to another group first.`,
		});
	}
	const email = contact.email.trim().toLowerCase();
	const sameEmail = (await context
		.knex('directus_users')
		.select('id', 'email', 'role', 'status')
		.whereRaw('lower(email) = ?', [email])) as UserRow[];
	const groupPolicies = new Set(await fetchGroupPolicies(context));
	const contacts = (await fetchDataMap(context)).contacts;
	for (const user of sameEmail) {
		if (user.id === contact.user) continue;
		if (await isStaffUser(context, { user, portalRole: settings.portal_role, groupPolicies }))
			throw new InvitationRefusedError({
				reason: `The e-mail address ${email} belongs to a staff user. A portal contact needs an e-mail address of its own.`,
			});
		const [linked] = await readContactAccess(context.knex, contacts, { users: [user.id] });
		if (linked)
			throw new InvitationRefusedError({
				reason: `The e-mail address ${email} already signs in as another contact (${linked.id}).`,
			});
	}
	if (contact.user) {
		const user = (await context.knex('directus_users').select('status').where('id', contact.user).first()) as
			Pick<UserRow, 'status'> | undefined;
		if (user && user.status !== 'invited')
			throw new InvitationConflictError({
				reason: `${name} already has a login (${user.status}). Send a password reset instead.`,
			});
	}
	return email;
}
