import type { Knex } from 'knex';
import { expectedFollowersSql } from './ticket-followers-sql.ts';

/** Recomputes all of `ticket_followers` in one transaction; returns how many rows it holds now. For start-up repairs. */
export async function rebuildTicketFollowers(knex: Knex): Promise<number> {
	return knex.transaction(async (trx) => {
		await trx.raw('DELETE FROM ticket_followers');
		await trx.raw(`INSERT INTO ticket_followers (ticket, contact, participant) ${expectedFollowersSql}`);
		const row = (await trx('ticket_followers').count({ count: '*' }).first()) as { count: number | string } | undefined;
		return Number(row?.count ?? 0);
	});
}
