import type { Knex } from 'knex';

/** A row of `directus_access`: a policy attached to a user or to a role (to neither: the public). */
export interface AccessRow {
	id: string;
	user: string | null;
	role: string | null;
	policy: string;
}

/**
 * Every policy attachment, for checks that compare them in memory with what the contacts ask for: Directus
 * has no index on `directus_access.user`, and joins to it fall into nested loops while PostgreSQL's
 * statistics lag behind a bulk import.
 */
export async function readAccessRows(knex: Knex): Promise<AccessRow[]> {
	return (await knex('directus_access').select('id', 'user', 'role', 'policy')) as AccessRow[];
}
