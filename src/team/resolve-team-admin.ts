/**
 * Who may use the delegated-administration API: a signed-in portal user whose contact is in a group
 * with `users.manage`. Everything they do stays inside their own customer, and no group they hand out,
 * nor any colleague they act on, may hold more than their own group.
 */
import type { Accountability } from '@directus/types';
import { ForbiddenError } from '@directus/errors';
import type { GroupPermissions } from '../catalogue/capabilities.ts';
import { adminService, type DirectusContext } from '../directus/directus-context.ts';
import { resolvePortalUser } from '../access/resolve-portal-user.ts';
import type { PortalGroupRecord, PortalSettingsRecord } from '../access/portal-records.ts';
import { TeamActionRefusedError } from '../errors/team-action-refused-error.ts';
import { TeamMemberNotFoundError } from '../errors/team-member-not-found-error.ts';
import { assertGroupPermissions } from '../groups/assert-group-permissions.ts';
import { isGroupWithin } from '../groups/is-group-within.ts';
import type { ContactRecord } from '../invitations/contact-record-of.ts';
import { readContacts } from '../invitations/read-contacts.ts';
import { contactKeyFrom } from '../access/contact-key-from.ts';
import { contactKeyType } from '../access/contact-key-type.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import { displayName } from '../invitations/display-name.ts';

export interface TeamAdmin {
	contact: TeamMember;
	group: PortalGroupRecord;
	permissions: GroupPermissions;
}

/** A contact of the admin's customer, by role (see `readContacts`). */
export type TeamMember = ContactRecord;

async function fetchGroup(
	context: DirectusContext,
	id: number,
): Promise<PortalGroupRecord & { assignable_by_client: boolean }> {
	return (await adminService(context, 'portal_groups').readOne(id, {
		fields: ['id', 'name', 'is_system', 'permissions', 'policy', 'assignable_by_client'],
	})) as PortalGroupRecord & { assignable_by_client: boolean };
}

export async function resolveTeamAdmin(
	context: DirectusContext,
	accountability: Accountability | null,
	settings: PortalSettingsRecord,
): Promise<TeamAdmin> {
	const portalUser = await resolvePortalUser(context, accountability, settings);
	if (portalUser.contact.login_suspended || !portalUser.capabilities['users.manage']) throw new ForbiddenError();
	const [contact] = await readContacts(context.knex, (await fetchDataMap(context)).contacts, {
		keys: [portalUser.contact.id],
	});
	if (!contact) throw new ForbiddenError();
	return { contact, group: portalUser.group, permissions: portalUser.capabilities };
}

/** A colleague in the admin's own customer; anyone else is reported as not found. */
export async function fetchTeamMember(context: DirectusContext, admin: TeamAdmin, id: unknown): Promise<TeamMember> {
	const contacts = (await fetchDataMap(context)).contacts;
	const key = contactKeyFrom(id, contactKeyType(context.schema, contacts));
	if (key === null) throw new TeamMemberNotFoundError();
	const [member] = await readContacts(context.knex, contacts, { keys: [key] });
	if (!member || String(member.customer) !== String(admin.contact.customer)) throw new TeamMemberNotFoundError();
	return member;
}

/** The groups the admin may hand out: assignable by clients, and nowhere beyond the admin's own. */
export async function fetchAssignableGroups(
	context: DirectusContext,
	admin: TeamAdmin,
): Promise<{ id: number; name: string; description: string | null }[]> {
	const groups = (await adminService(context, 'portal_groups').readByQuery({
		filter: { assignable_by_client: { _eq: true } },
		fields: ['id', 'name', 'description', 'permissions'],
		sort: ['id'],
		limit: -1,
	})) as (PortalGroupRecord & { description: string | null })[];
	return groups
		.filter((group) => isGroupWithin(assertGroupPermissions(group.permissions ?? {}), admin.permissions))
		.map(({ id, name, description }) => ({ id, name, description }));
}

/** Refuses to act on oneself, or on a colleague whose group reaches beyond the admin's own. */
export async function assertMayManage(
	context: DirectusContext,
	admin: TeamAdmin,
	member: TeamMember,
	settings: PortalSettingsRecord,
): Promise<void> {
	if (String(member.id) === String(admin.contact.id))
		throw new TeamActionRefusedError({
			reason: 'You cannot change your own portal access. Ask another administrator or your service provider.',
		});
	const groupId = member.portal_group ?? settings.default_group;
	if (groupId === null) return;
	const group = await fetchGroup(context, groupId);
	if (!isGroupWithin(assertGroupPermissions(group.permissions ?? {}), admin.permissions)) {
		throw new TeamActionRefusedError({
			reason: `${displayName(member)} is in the group "${group.name}", which has more access than yours. Ask your service provider.`,
		});
	}
}

/** The group id the admin asks for, if they may hand it out. */
export async function assertAssignableGroup(
	context: DirectusContext,
	admin: TeamAdmin,
	groupId: unknown,
): Promise<number> {
	const allowed = await fetchAssignableGroups(context, admin);
	const chosen = allowed.find((group) => group.id === Number(groupId));
	if (!chosen)
		throw new TeamActionRefusedError({
			reason: 'You cannot give that group. Choose one of the groups offered to you.',
		});
	return chosen.id;
}
