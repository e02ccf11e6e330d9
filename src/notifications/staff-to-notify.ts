import type { Knex } from 'knex';

/**
 * Who hears of a contact's new ticket or reply: the ticket's assignee while they are an active user who is not a
 * portal user; else the active users of the staff group the settings choose (`staffRole`, and the roles below it);
 * else every active holder of the Portal staff policy (themselves or through a role, or a role's parent: Directus
 * gives a role its parents' policies); else, where no one is found, every active admin, so that a contact's words
 * never go unheard.
 */
export async function staffToNotify(
	knex: Knex,
	{
		assignee,
		staffPolicy,
		staffRole = null,
		portalRole,
	}: { assignee: string | null; staffPolicy: string | null; staffRole?: string | null; portalRole: string | null },
): Promise<string[]> {
	const active = (query: Knex.QueryBuilder) =>
		query.where('status', 'active').andWhere((inner) => {
			inner.whereNull('role');
			if (portalRole) inner.orWhereNot('role', portalRole);
		});
	if (assignee) {
		const user = (await active(knex('directus_users').select('id').where('id', assignee)).first()) as
			{ id: string } | undefined;
		if (user) return [user.id];
	}
	/** The active staff among `users` and the users of `roles` or of a role below them. */
	const activeOf = async (users: string[], ofRoles: string[]) => {
		const roles = await withChildRoles(knex, ofRoles);
		if (users.length === 0 && roles.length === 0) return [];
		const rows = (await active(
			knex('directus_users')
				.select('id')
				.where((query) => {
					if (users.length > 0) query.whereIn('id', users);
					if (roles.length > 0) query.orWhereIn('role', roles);
				}),
		).orderBy('id')) as { id: string }[];
		return rows.map((row) => row.id);
	};
	const holders = async (policies: Knex.QueryBuilder | string[]) => {
		const access = (await knex('directus_access').select('user', 'role').whereIn('policy', policies)) as {
			user: string | null;
			role: string | null;
		}[];
		return activeOf(
			access.flatMap((row) => (row.user ? [row.user] : [])),
			access.flatMap((row) => (row.role ? [row.role] : [])),
		);
	};
	const group = staffRole ? await activeOf([], [staffRole]) : [];
	if (group.length > 0) return group;
	const staff = staffPolicy ? await holders([staffPolicy]) : [];
	if (staff.length > 0) return staff;
	return holders(knex('directus_policies').select('id').where('admin_access', true));
}

/** `roles` and every role below them: Directus gives a role the policies of the roles above it. */
async function withChildRoles(knex: Knex, roles: string[]): Promise<string[]> {
	if (roles.length === 0) return [];
	const all = (await knex('directus_roles').select('id', 'parent')) as { id: string; parent: string | null }[];
	const found = new Set(roles);
	for (let grown = true; grown;) {
		grown = false;
		for (const role of all)
			if (role.parent && found.has(role.parent) && !found.has(role.id)) {
				found.add(role.id);
				grown = true;
			}
	}
	return [...found];
}
