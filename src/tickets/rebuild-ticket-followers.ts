import type { Knex } from 'knex';
import type { TicketFollowersNames } from './ticket-followers-names.ts';
import { expectedFollowersSql, followerColumnsSql } from './ticket-followers-sql.ts';

/** Recomputes all of the followers `names` gives in one transaction; returns how many rows it holds now. For start-up repairs. */
export async function rebuildTicketFollowers(knex: Knex, names: TicketFollowersNames): Promise<number> {
	return knex.transaction(async (trx) => {
		await trx.raw(`DELETE FROM ${names.followers.table}`);
		await trx.raw(`INSERT INTO ${names.followers.table} (${followerColumnsSql(names)}) ${expectedFollowersSql(names)}`);
		const row = (await trx(names.raw.followers.table).count({ count: '*' }).first()) as
			{ count: number | string } | undefined;
		return Number(row?.count ?? 0);
	});
}
