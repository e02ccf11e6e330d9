/**
 * Keeps Directus in step with who is a portal user: a contact linked to a Directus user puts that user
 * under the portal role with exactly one portal group policy (its group's) and its customer's badge (see
 * customer-badge.ts); a group that grants nothing, or a suspended login, suspends the user and takes both
 * away; unlinking takes everything away. Changing a contact's group or customer changes one access row.
 */
import { assertGroupPermissions } from '../groups/assert-group-permissions.ts';
import { grantsPortalAccess } from '../groups/normalize-group-permissions.ts';
import { PortalUserLinkError } from '../errors/portal-user-link-error.ts';
import { customerBadges, ensureCustomerBadge, filterCustomerBadges } from './customer-badge.ts';
import { adminService, type DirectusContext } from './directus-context.ts';
import type { ContactAccessRecord, PortalGroupRecord } from './portal-records.ts';

interface UserRecord {
	id: string;
	email: string | null;
	role: string | null;
	status: string;
}

interface AccessRecord {
	id: string;
	policy: string;
}

/** The policies of every portal group: the only policies the product ever attaches to a user. */
export async function fetchGroupPolicies(context: DirectusContext): Promise<string[]> {
	const groups = (await adminService(context, 'portal_groups').readByQuery({ fields: ['policy'], filter: { policy: { _nnull: true } }, limit: -1 })) as Pick<PortalGroupRecord, 'policy'>[];
	return groups.map((group) => group.policy).filter((policy): policy is string => policy !== null);
}

function accessService(context: DirectusContext) {
	return new context.services.AccessService({ knex: context.knex, schema: context.schema, accountability: null });
}

function usersService(context: DirectusContext) {
	return new context.services.UsersService({ knex: context.knex, schema: context.schema, accountability: null });
}

/** Of `policies`, those that are not the product's to give (a portal group's policy or a customer badge): a user holding one works as staff. */
export async function staffPolicies(context: DirectusContext, policies: string[], groupPolicies: Set<string>): Promise<string[]> {
	const others = policies.filter((policy) => !groupPolicies.has(policy));
	const badges = await filterCustomerBadges(context.knex, others);
	return others.filter((policy) => !badges.has(policy));
}

/** Throws unless the user exists, has no role but the portal role, and no policy but portal group policies and customer badges. */
async function assertNotStaff(context: DirectusContext, userId: string, portalRole: string, groupPolicies: Set<string>): Promise<UserRecord> {
	const user = (await usersService(context).readByQuery({ filter: { id: { _eq: userId } }, fields: ['id', 'email', 'role', 'status'], limit: 1 }))[0] as UserRecord | undefined;
	if (!user) throw new PortalUserLinkError({ reason: `There is no Directus user with the id ${userId}.` });
	const access = (await accessService(context).readByQuery({ filter: { user: { _eq: userId } }, fields: ['id', 'policy'], limit: -1 })) as AccessRecord[];
	const foreign = await staffPolicies(
		context,
		access.map((row) => row.policy),
		groupPolicies,
	);
	if ((user.role !== null && user.role !== portalRole) || foreign.length > 0) {
		throw new PortalUserLinkError({
			reason: `The Directus user ${user.email ?? userId} works as staff (it has a role or policies outside the portal). Give the contact a user of its own.`,
		});
	}
	return user;
}

/**
 * Refuses to turn a staff user into a portal user, and to link a user that another contact already has.
 * A linkable user has no role or the portal role, and no policy of its own besides portal group policies
 * and customer badges.
 */
export async function assertLinkableUser(context: DirectusContext, userId: string, portalRole: string, contactId: number | null): Promise<void> {
	const user = await assertNotStaff(context, userId, portalRole, new Set(await fetchGroupPolicies(context)));
	const linked = (await adminService(context, 'contacts').readByQuery({ filter: { user: { _eq: userId } }, fields: ['id'], limit: 1 })) as { id: number }[];
	const other = linked.find((contact) => contact.id !== contactId);
	if (other) throw new PortalUserLinkError({ reason: `The Directus user ${user.email ?? userId} is already linked to contact ${other.id}. A user can sign in as one contact only.` });
}

/** The user's access rows that the product gives: portal group policies and customer badges. */
async function portalAccessRows(context: DirectusContext, userId: string, groupPolicies: string[]): Promise<AccessRecord[]> {
	return (await context
		.knex('directus_access')
		.select('id', 'policy')
		.where('user', userId)
		.where((query) => query.whereIn('policy', groupPolicies).orWhereIn('policy', customerBadges(context.knex)))) as AccessRecord[];
}

/**
 * Puts a linked user under the portal role with its group's policy and its customer's badge. The user is
 * suspended, and holds neither, exactly while the group grants nothing or the contact's login is
 * suspended, and active again once neither holds (an invited user stays invited until it accepts).
 * A contact without a customer gets no badge: every customer rule then denies.
 */
export async function grantGroupToUser(context: DirectusContext, userId: string, groupId: number, customerId: number | null, portalRole: string, loginSuspended: boolean): Promise<void> {
	const group = (await adminService(context, 'portal_groups').readOne(groupId, { fields: ['id', 'name', 'is_system', 'permissions', 'policy'] })) as PortalGroupRecord;
	const grants = grantsPortalAccess(assertGroupPermissions(group.permissions ?? {}));
	const groupPolicies = await fetchGroupPolicies(context);
	// Whatever linked it, a staff user is never turned into a portal user (nor demoted by a link).
	await assertNotStaff(context, userId, portalRole, new Set(groupPolicies));

	// A suspended user keeps no policy: an access token issued before the suspension stays valid until it
	// expires (Directus checks only its signature), but policies are read on every request.
	const active = grants && !loginSuspended;
	const badge = active && customerId !== null ? await ensureCustomerBadge(context, customerId) : null;
	const wanted = new Set([active ? group.policy : null, badge].filter((policy): policy is string => policy !== null));
	const current = await portalAccessRows(context, userId, groupPolicies);
	const access = accessService(context);
	const stale = current.filter((row) => !wanted.has(row.policy)).map((row) => row.id);
	if (stale.length > 0) await access.deleteMany(stale);
	const missing = [...wanted].filter((policy) => !current.some((row) => row.policy === policy));
	if (missing.length > 0) await access.createMany(missing.map((policy) => ({ user: userId, policy })));

	const users = usersService(context);
	const user = (await users.readOne(userId, { fields: ['id', 'role', 'status'] })) as UserRecord;
	const status = active ? (user.status === 'suspended' ? 'active' : user.status) : 'suspended';
	if (user.role !== portalRole || user.status !== status) await users.updateOne(userId, { role: portalRole, status });
}

/** Takes the portal role, every portal group policy and every customer badge away from a user no contact links to any more. */
export async function releasePortalUser(context: DirectusContext, userId: string, portalRole: string): Promise<void> {
	const rows = await portalAccessRows(context, userId, await fetchGroupPolicies(context));
	if (rows.length > 0) await accessService(context).deleteMany(rows.map((row) => row.id));
	const users = usersService(context);
	const user = (await users.readByQuery({ filter: { id: { _eq: userId } }, fields: ['id', 'role'], limit: 1 }))[0] as UserRecord | undefined;
	if (user?.role === portalRole) await users.updateOne(userId, { role: null });
}

/**
 * Brings every given contact's user in line with the stored data. Run after writes commit, as the
 * authority over what the filters did beforehand.
 */
export async function syncContactAccess(context: DirectusContext, contactIds: number[], portalRole: string, defaultGroup: number | null): Promise<void> {
	const contacts = (await adminService(context, 'contacts').readByQuery({
		filter: { id: { _in: contactIds }, user: { _nnull: true } },
		fields: ['id', 'user', 'customer', 'portal_group', 'login_suspended'],
		limit: -1,
	})) as ContactAccessRecord[];
	for (const contact of contacts) {
		if (!contact.user) continue;
		const group = contact.portal_group ?? defaultGroup;
		if (group === null) continue;
		if (contact.portal_group === null) await adminService(context, 'contacts').updateOne(contact.id, { portal_group: group }, { emitEvents: false });
		await grantGroupToUser(context, contact.user, group, contact.customer, portalRole, contact.login_suspended === true);
	}
}

/** Releases a user once no contact links to it (a link made meanwhile keeps it). */
export async function releaseIfUnlinked(context: DirectusContext, userId: string, portalRole: string): Promise<void> {
	const linked = await context.knex('contacts').select('id').where('user', userId).first();
	if (!linked) await releasePortalUser(context, userId, portalRole);
}

/**
 * Portal-role users that no contact links to lose the role and their group policy. A sweep over every
 * portal user: for start-up only, when no request can be linking a user at the same moment.
 */
export async function releaseUnlinkedPortalUsers(context: DirectusContext, portalRole: string): Promise<void> {
	const linked = context.knex('contacts').select('user').whereNotNull('user');
	const orphans = (await context.knex('directus_users').select('id').where('role', portalRole).whereNotIn('id', linked)) as { id: string }[];
	for (const orphan of orphans) await releasePortalUser(context, orphan.id, portalRole);
}
