import { databaseDialect } from '../database/database-dialect.ts';
import { clearPermissionCaches, type DirectusContext, inTransaction } from '../directus/directus-context.ts';

/**
 * Runs `work` in a transaction holding the user's row locked, so that one user's access changes run one
 * after another, across requests and Directus instances, each reading the contact inside: the last to
 * run writes what was committed last. SQLite runs one transaction at a time already.
 */
export async function withUserLocked(
	context: DirectusContext,
	userId: string,
	work: (locked: DirectusContext) => Promise<boolean>,
): Promise<void> {
	const changed = await inTransaction(context, async (locked) => {
		if (databaseDialect(locked.knex) !== 'sqlite3')
			await locked.knex('directus_users').select('id').where('id', userId).forUpdate();
		return work(locked);
	});
	// Directus clears its permission caches as each access row changes, inside the transaction: a request in
	// between may have cached the user's policies as they were. Once more, now that the change is visible.
	if (changed && !context.knex.isTransaction) await clearPermissionCaches(context);
}
