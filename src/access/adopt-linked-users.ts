import { fieldOf } from '../compiler/mapped-fields.ts';
import type { DirectusContext } from '../directus/directus-context.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import { fetchGroupPolicies } from './fetch-group-policies.ts';
import { isStaffUser } from './is-staff-user.ts';
import { syncUserAccess } from './sync-user-access.ts';

export interface AdoptedUsers {
	/** Users without a role that a contact of the map links: now portal users as their contact says. */
	adopted: number;
	/** Users a contact links who work as staff (a role or a policy of their own): left as they are, by e-mail. */
	staff: string[];
}

/**
 * After a map is saved: the users its contacts already link to (a team's people linked to Directus users before
 * the portal came, or contacts whose logins an earlier map took away) get the portal their contact says — the
 * portal role, their group's policy and their customer's badge, or a suspended login where the contact's is.
 * A user who works as staff is never made a portal user: it is left as it is and named. Portal-role users are
 * kept in step by `restoreGroupAccess`.
 */
export async function adoptLinkedUsers(
	context: DirectusContext,
	portalRole: string,
	defaultGroup: number | null,
): Promise<AdoptedUsers> {
	const { contacts } = await fetchDataMap(context);
	const userField = fieldOf(contacts, 'user');
	const candidates = (await context
		.knex('directus_users')
		.select('id', 'email', 'role')
		.whereIn('id', context.knex(contacts.collection).select(userField).whereNotNull(userField))
		.andWhere((query) => query.whereNull('role').orWhereNot('role', portalRole))
		.orderBy('email')) as { id: string; email: string | null; role: string | null }[];
	const groupPolicies = new Set(await fetchGroupPolicies(context));
	const adopted: AdoptedUsers = { adopted: 0, staff: [] };
	for (const user of candidates) {
		if (await isStaffUser(context, { user, portalRole, groupPolicies })) {
			adopted.staff.push(user.email ?? user.id);
			continue;
		}
		await syncUserAccess(context, user.id, portalRole, defaultGroup);
		adopted.adopted += 1;
	}
	return adopted;
}
