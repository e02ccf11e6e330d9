import type { Knex } from 'knex';
import { expectedFollowersSql } from './ticket-followers-sql.ts';

type Count = number | string;

/** Whether `ticket_followers` holds exactly the expected rows: as many as expected, none of them missing (so no strays or duplicates). */
export async function ticketFollowersAreExact(knex: Knex): Promise<boolean> {
	const result = (await knex.raw(`SELECT
	(SELECT COUNT(*) FROM (${expectedFollowersSql}) expected) AS expected,
	(SELECT COUNT(*) FROM ticket_followers) AS actual,
	(SELECT COUNT(*) FROM (${expectedFollowersSql} EXCEPT SELECT ticket, contact, participant FROM ticket_followers) missing) AS missing`)) as
		| { expected: Count; actual: Count; missing: Count }[]
		| { rows: { expected: Count; actual: Count; missing: Count }[] };
	const counts = Array.isArray(result) ? result[0] : result.rows[0];
	return counts !== undefined && Number(counts.expected) === Number(counts.actual) && Number(counts.missing) === 0;
}
