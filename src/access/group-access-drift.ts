import type { Knex } from 'knex';
import type { AccessRow } from '../directus/access-rows.ts';
import { readAccessRows } from '../directus/access-rows.ts';
import { parseJsonColumn } from '../directus/parse-json-column.ts';
import { fieldOf } from '../compiler/mapped-fields.ts';
import { roleColumns } from '../data-map/role-columns.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import { assertGroupPermissions } from '../groups/assert-group-permissions.ts';
import { grantsPortalAccess } from '../groups/normalize-group-permissions.ts';
import { linkedUserState } from './linked-user-state.ts';
import { staffPolicies } from './staff-policies.ts';

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
 * planner took a nested loop over both sides (docs/performance.md, "Why some checks read tables whole").
 */
export async function groupAccessDrift(
	knex: Knex,
	{ portalRole, defaultGroup }: { portalRole: string; defaultGroup: number | null },
	access?: readonly AccessRow[],
): Promise<GroupAccessDrift> {
	const groups = (await knex('portal_groups').select('id', 'permissions', 'policy').whereNotNull('policy')) as {
		id: number;
		permissions: unknown;
		policy: string;
	}[];
	const grantingPolicy = new Map(
		groups
			.filter((group) => grantsPortalAccess(assertGroupPermissions(parseJsonColumn(group.permissions) ?? {})))
			.map((group) => [group.id, group.policy]),
	);
	const { contacts: map } = await fetchDataMap({ knex });
	const contacts = (await knex(map.collection)
		.select(roleColumns(map, ['user', 'portal_group', 'login_suspended']))
		.whereNotNull(fieldOf(map, 'user'))) as {
		user: string;
		portal_group: number | null;
		login_suspended: boolean | number;
	}[];
	// Few users are not active (invited, suspended): read those, not every user.
	const notActive = new Map(
		(
			(await knex('directus_users').select('id', 'status').whereNot('status', 'active')) as {
				id: string;
				status: string;
			}[]
		).map((user) => [user.id, user.status]),
	);
	const wanted = new Map<string, string | null>();
	for (const contact of contacts) {
		const group = contact.portal_group ?? defaultGroup;
		const policy = contact.login_suspended || group === null ? null : (grantingPolicy.get(group) ?? null);
		wanted.set(
			contact.user,
			policy !== null && linkedUserState(notActive.get(contact.user) ?? 'active', true).holdsPolicies ? policy : null,
		);
	}
	const groupPolicies = new Set(groups.map((group) => group.policy));
	const rows = access ?? (await readAccessRows(knex));
	const held = rows.filter((row) => groupPolicies.has(row.policy));
	const excess = held.filter((row) =>
		row.user === null ? row.role === portalRole : wanted.has(row.user) && wanted.get(row.user) !== row.policy,
	);
	const holding = new Set(held.map((row) => `${row.user}:${row.policy}`));
	const lacking = [...wanted]
		.filter(([user, policy]) => policy !== null && !holding.has(`${user}:${policy}`))
		.map(([user]) => user);
	const staff = await staffAmong(knex, lacking, { portalRole, groupPolicies, access: rows });
	const missing = lacking.filter((user) => !staff.has(user));
	return { excess: excess.map((row) => ({ id: row.id, user: row.user })), missing };
}

/**
 * Of `users`, those who work as staff (see `isStaffUser`): a contact may link one (a team's person who is also
 * staff), and such a user is never made a portal user, so lacking a group's policy is what it should.
 */
async function staffAmong(
	knex: Knex,
	users: readonly string[],
	{
		portalRole,
		groupPolicies,
		access,
	}: { portalRole: string; groupPolicies: Set<string>; access: readonly AccessRow[] },
): Promise<Set<string>> {
	if (users.length === 0) return new Set();
	const withRole = (await knex('directus_users')
		.select('id')
		.whereIn('id', [...users])
		.whereNotNull('role')
		.whereNot('role', portalRole)) as { id: string }[];
	const staff = new Set(withRole.map((user) => user.id));
	const asked = new Set(users);
	const own = access.filter((row) => row.user !== null && asked.has(row.user) && !groupPolicies.has(row.policy));
	const notOurs = new Set(await staffPolicies({ knex }, [...new Set(own.map((row) => row.policy))], groupPolicies));
	for (const row of own) if (notOurs.has(row.policy)) staff.add(row.user as string);
	return staff;
}
