/**
 * Keeps Directus in step with who is a portal user: a contact linked to a Directus user puts that user
 * under the portal role with exactly one portal group policy (its group's) and its customer's badge (see
 * customer-badge.ts); a group that grants nothing, or a suspended login, suspends the user and takes both
 * away; unlinking takes everything away and ends the login (see `releasePortalUser`). Changing a
 * contact's group or customer changes one access row.
 *
 * Every change to one user's access runs under that user's lock (`withUserLocked`): two quick writes to a
 * contact (suspend, then unsuspend) start two syncs, and without the lock the older one, having read the
 * contact first, could write last and leave a suspended contact its policies.
 */
import type { Knex } from 'knex';
import { readAccessRows, type AccessRow } from '../directus/access-rows.ts';
import { assertGroupPermissions } from '../groups/assert-group-permissions.ts';
import { grantsPortalAccess } from '../groups/normalize-group-permissions.ts';
import { PortalUserLinkError } from '../errors/portal-user-link-error.ts';
import { customerBadges } from '../badges/customer-badges.ts';
import { ensureCustomerBadge } from '../badges/ensure-customer-badge.ts';
import { databaseDialect } from '../database/database-dialect.ts';
import { parseJsonColumn } from '../directus/parse-json-column.ts';
import { adminService, clearPermissionCaches, inTransaction, systemService, type DirectusContext } from '../directus/directus-context.ts';
import { linkedUserState } from './linked-user-state.ts';
import { isStaffUser } from './is-staff-user.ts';
import type { ContactAccessRecord, PortalGroupRecord } from './portal-records.ts';

// Kept here too for the invitation rules, which import it from this module.
export { staffPolicies } from './staff-policies.ts';

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
	return systemService(context, 'AccessService');
}

function usersService(context: DirectusContext) {
	return systemService(context, 'UsersService');
}

/** Throws unless the user exists, has no role but the portal role, and no policy but portal group policies and customer badges. */
async function assertNotStaff(context: DirectusContext, userId: string, portalRole: string, groupPolicies: Set<string>): Promise<UserRecord> {
	const user = (await usersService(context).readByQuery({ filter: { id: { _eq: userId } }, fields: ['id', 'email', 'role', 'status'], limit: 1 }))[0] as UserRecord | undefined;
	if (!user) throw new PortalUserLinkError({ reason: `There is no Directus user with the id ${userId}.` });
	if (await isStaffUser(context, { user, portalRole, groupPolicies })) {
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
 * suspended, and active again once neither holds; an invited user stays invited, holding neither, until
 * it accepts (see `linkedUserState`). A contact without a customer gets no badge: every customer rule
 * then denies.
 */
export async function grantGroupToUser(context: DirectusContext, userId: string, groupId: number, customerId: number | null, portalRole: string, loginSuspended: boolean): Promise<void> {
	await withUserLocked(context, userId, (locked) => applyGroup(locked, userId, groupId, customerId, portalRole, loginSuspended));
}

/** `grantGroupToUser` under a lock already held. Returns whether anything changed. */
async function applyGroup(context: DirectusContext, userId: string, groupId: number, customerId: number | null, portalRole: string, loginSuspended: boolean): Promise<boolean> {
	const group = (await adminService(context, 'portal_groups').readOne(groupId, { fields: ['id', 'name', 'is_system', 'permissions', 'policy'] })) as PortalGroupRecord;
	const grants = grantsPortalAccess(assertGroupPermissions(group.permissions ?? {}));
	const groupPolicies = await fetchGroupPolicies(context);
	// Whatever linked it, a staff user is never turned into a portal user (nor demoted by a link).
	const user = await assertNotStaff(context, userId, portalRole, new Set(groupPolicies));

	const { status, holdsPolicies } = linkedUserState(user.status, grants && !loginSuspended);
	const badge = holdsPolicies && customerId !== null ? await ensureCustomerBadge(context, customerId) : null;
	const wanted = new Set([holdsPolicies ? group.policy : null, badge].filter((policy): policy is string => policy !== null));
	const current = await portalAccessRows(context, userId, groupPolicies);
	const access = accessService(context);
	const stale = current.filter((row) => !wanted.has(row.policy)).map((row) => row.id);
	if (stale.length > 0) await access.deleteMany(stale);
	const missing = [...wanted].filter((policy) => !current.some((row) => row.policy === policy));
	if (missing.length > 0) await access.createMany(missing.map((policy) => ({ user: userId, policy })));

	const changeUser = user.role !== portalRole || user.status !== status;
	if (changeUser) await usersService(context).updateOne(userId, { role: portalRole, status });
	return stale.length > 0 || missing.length > 0 || changeUser;
}

/**
 * Takes the portal role, every portal group policy and every customer badge away from a user no contact
 * links to any more, and ends its login: suspended, without a password. Taking the policies away ends the
 * access tokens it holds (Directus keeps a JSON-mode access token valid until it expires, but reads its
 * holder's policies on every request); the suspension makes Directus delete its sessions, which ends its
 * session cookies and refresh tokens at once, and refuse it sign-in and password resets. It signs in
 * again only once staff re-enable it (linking it to a contact, or in the User Directory, then a password
 * reset), or once it accepts an invitation with a new password (`inviteContact` makes a reused user
 * invited). A user that works as staff keeps its login: only the portal's access is taken.
 */
export async function releasePortalUser(context: DirectusContext, userId: string, portalRole: string): Promise<void> {
	await withUserLocked(context, userId, (locked) => release(locked, userId, portalRole));
}

/** `releasePortalUser` under a lock already held. Returns whether anything changed. */
async function release(context: DirectusContext, userId: string, portalRole: string): Promise<boolean> {
	const groupPolicies = await fetchGroupPolicies(context);
	const rows = await portalAccessRows(context, userId, groupPolicies);
	if (rows.length > 0) await accessService(context).deleteMany(rows.map((row) => row.id));
	const users = usersService(context);
	const user = (await users.readByQuery({ filter: { id: { _eq: userId } }, fields: ['id', 'role', 'status', 'password'], limit: 1 }))[0] as (UserRecord & { password: string | null }) | undefined;
	if (!user || (await isStaffUser(context, { user, portalRole, groupPolicies: new Set(groupPolicies) }))) return rows.length > 0;
	const changes = {
		...(user.role === portalRole ? { role: null } : {}),
		...(user.status !== 'suspended' ? { status: 'suspended' } : {}),
		...(user.password !== null ? { password: null } : {}),
	};
	if (Object.keys(changes).length > 0) await users.updateOne(userId, changes);
	return rows.length > 0 || Object.keys(changes).length > 0;
}

/**
 * Brings the users of the given contacts in line with the stored data. Run after writes commit, as the
 * authority over what the filters did beforehand.
 */
export async function syncContactAccess(context: DirectusContext, contactIds: number[], portalRole: string, defaultGroup: number | null): Promise<void> {
	const users = (await context.knex('contacts').distinct('user').whereIn('id', contactIds).whereNotNull('user')) as { user: string }[];
	for (const { user } of users) await syncUserAccess(context, user, portalRole, defaultGroup);
}

/**
 * Brings one user in line with the contact that links it, read under the user's lock: the group's policy
 * and the customer's badge while the login is active, nothing once suspended, and nothing at all (the
 * portal role included) when no contact links it any more.
 */
export async function syncUserAccess(context: DirectusContext, userId: string, portalRole: string, defaultGroup: number | null): Promise<void> {
	await withUserLocked(context, userId, async (locked) => {
		const contact = (await adminService(locked, 'contacts').readByQuery({
			filter: { user: { _eq: userId } },
			fields: ['id', 'user', 'customer', 'portal_group', 'login_suspended'],
			limit: 1,
		}))[0] as ContactAccessRecord | undefined;
		if (!contact) return release(locked, userId, portalRole);
		const group = contact.portal_group ?? defaultGroup;
		if (group === null) return false;
		if (contact.portal_group === null) await adminService(locked, 'contacts').updateOne(contact.id, { portal_group: group }, { emitEvents: false });
		return applyGroup(locked, userId, group, contact.customer, portalRole, contact.login_suspended === true);
	});
}

/**
 * Runs `work` in a transaction holding the user's row locked, so that one user's access changes run one
 * after another, across requests and Directus instances, each reading the contact inside: the last to
 * run writes what was committed last. SQLite runs one transaction at a time already.
 */
async function withUserLocked(context: DirectusContext, userId: string, work: (locked: DirectusContext) => Promise<boolean>): Promise<void> {
	const changed = await inTransaction(context, async (locked) => {
		if (databaseDialect(locked.knex) !== 'sqlite3') await locked.knex('directus_users').select('id').where('id', userId).forUpdate();
		return work(locked);
	});
	// Directus clears its permission caches as each access row changes, inside the transaction: a request in
	// between may have cached the user's policies as they were. Once more, now that the change is visible.
	if (changed && !context.knex.isTransaction) await clearPermissionCaches(context);
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

/** Where portal users' group policies differ from what their contacts say (see `groupAccessDrift`). */
export interface GroupAccessDrift {
	/** Group-policy attachments no contact asks for: to the user of a suspended contact, of another group, to an invited user, or to the portal role. */
	excess: { id: string; user: string | null }[];
	/** Users of contacts with an active login who lack their group's policy. */
	missing: string[];
}

/**
 * Compares the group policies held with those the contacts ask for: a linked contact's user holds its
 * group's policy (the default group's when it has none) exactly while the login is not suspended, the
 * group grants something and the user is not waiting on an invitation (see `linkedUserState`), and the
 * portal role holds none. The product's own writes leave a difference
 * for no longer than a sync; anything else was written behind its back. A user no contact links to is
 * not looked at: the portal's rules show such a user nothing, whatever policy it holds.
 *
 * Single-table reads compared in memory (`access`: every attachment, when the caller has read them
 * already): as one SQL anti-join, right after a bulk import (before PostgreSQL's statistics catch up) the
 * planner took a nested loop over both sides, 1.5 s for 10,000 portal users where the same query took
 * 15 ms with fresh statistics.
 */
export async function groupAccessDrift(knex: Knex, { portalRole, defaultGroup }: { portalRole: string; defaultGroup: number | null }, access?: readonly AccessRow[]): Promise<GroupAccessDrift> {
	const groups = (await knex('portal_groups').select('id', 'permissions', 'policy').whereNotNull('policy')) as { id: number; permissions: unknown; policy: string }[];
	const grantingPolicy = new Map(
		groups
			.filter((group) => grantsPortalAccess(assertGroupPermissions(parseJsonColumn(group.permissions) ?? {})))
			.map((group) => [group.id, group.policy]),
	);
	const contacts = (await knex('contacts').select('user', 'portal_group', 'login_suspended').whereNotNull('user')) as { user: string; portal_group: number | null; login_suspended: boolean | number }[];
	// Few users are not active (invited, suspended): read those, not every user.
	const notActive = new Map(((await knex('directus_users').select('id', 'status').whereNot('status', 'active')) as { id: string; status: string }[]).map((user) => [user.id, user.status]));
	const wanted = new Map<string, string | null>();
	for (const contact of contacts) {
		const group = contact.portal_group ?? defaultGroup;
		const policy = contact.login_suspended || group === null ? null : (grantingPolicy.get(group) ?? null);
		wanted.set(contact.user, policy !== null && linkedUserState(notActive.get(contact.user) ?? 'active', true).holdsPolicies ? policy : null);
	}
	const groupPolicies = new Set(groups.map((group) => group.policy));
	const held = (access ?? (await readAccessRows(knex))).filter((row) => groupPolicies.has(row.policy));
	const excess = held.filter((row) => (row.user === null ? row.role === portalRole : wanted.has(row.user) && wanted.get(row.user) !== row.policy));
	const holding = new Set(held.map((row) => `${row.user}:${row.policy}`));
	const missing = [...wanted].filter(([user, policy]) => policy !== null && !holding.has(`${user}:${policy}`)).map(([user]) => user);
	return { excess: excess.map((row) => ({ id: row.id, user: row.user })), missing };
}

/** Puts right what `groupAccessDrift` finds: detaches group policies from the portal role and syncs each user concerned. */
export async function restoreGroupAccess(context: DirectusContext, settings: { portalRole: string; defaultGroup: number | null }): Promise<void> {
	const { excess, missing } = await groupAccessDrift(context.knex, settings);
	const viaRole = excess.filter((row) => row.user === null).map((row) => row.id);
	if (viaRole.length > 0) await accessService(context).deleteMany(viaRole);
	const users = new Set([...excess.flatMap((row) => (row.user === null ? [] : [row.user])), ...missing]);
	// One user that cannot be synced (a staff user linked behind Directus's back) must not keep the others as they are.
	const failures: unknown[] = [];
	for (const user of users) await syncUserAccess(context, user, settings.portalRole, settings.defaultGroup).catch((error: unknown) => failures.push(error));
	if (failures.length > 0) throw new AggregateError(failures, `Could not bring ${failures.length} portal user${failures.length === 1 ? '' : 's'} in line with their contacts`);
}
