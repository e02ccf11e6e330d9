import type { Knex } from 'knex';
import type { TicketFollowersNames } from './ticket-followers-names.ts';
import { expectedFollowersSql, followerColumnsSql } from './ticket-followers-sql.ts';

type Count = number | string;

/** Whether the followers hold exactly the expected rows: as many as expected, none of them missing (so no strays or duplicates). */
export async function ticketFollowersAreExact(knex: Knex, names: TicketFollowersNames): Promise<boolean> {
	const expected = expectedFollowersSql(names);
	const table = names.followers.table;
	const result = (await knex.raw(`SELECT
	(SELECT COUNT(*) FROM (${expected}) expected) AS expected,
	(SELECT COUNT(*) FROM ${table}) AS actual,
	(SELECT COUNT(*) FROM (${expected} EXCEPT SELECT ${followerColumnsSql(names)} FROM ${table}) missing) AS missing`)) as
		| { expected: Count; actual: Count; missing: Count }[]
		| { rows: { expected: Count; actual: Count; missing: Count }[] };
	const counts = Array.isArray(result) ? result[0] : result.rows[0];
	return counts !== undefined && Number(counts.expected) === Number(counts.actual) && Number(counts.missing) === 0;
}
