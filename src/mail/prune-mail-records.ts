/**
 * The outbox and the inbox keep their rows for `keepDays` (PORTAL_MAIL_KEEP_DAYS, default 90): long enough
 * for staff to see what became of a mail, not forever. A mail still waiting or being sent is kept whatever
 * its age.
 */
import type { Knex } from 'knex';
import { inboxTable } from '../inbound/inbox.ts';
import { type OutboxStatus, outboxTable } from './outbox.ts';

export function keepDaysFromEnv(env: Record<string, unknown>): number {
	const days = Number(env['PORTAL_MAIL_KEEP_DAYS'] ?? 90);
	return Number.isSafeInteger(days) && days > 0 ? days : 90;
}

/** Deletes what is older than `keepDays`; answers how many rows of each went. */
export async function pruneMailRecords(
	knex: Knex,
	keepDays: number,
	now = new Date(),
): Promise<{ outbox: number; inbox: number }> {
	const before = new Date(now.getTime() - keepDays * 24 * 60 * 60_000);
	const outbox = await knex(outboxTable)
		.whereIn('status', ['sent', 'failed', 'cancelled'] satisfies OutboxStatus[])
		.andWhere('date_created', '<', before)
		.delete();
	const inbox = (await knex.schema.hasTable(inboxTable))
		? await knex(inboxTable).where('date_created', '<', before).delete()
		: 0;
	return { outbox, inbox };
}
