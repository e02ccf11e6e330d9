/**
 * The inbox: a row of `portal_inbox` for every message the portal received — what it made of it (a reply,
 * a new ticket, a public request) or why it left it alone or refused it. Staff read it in the studio; the
 * receiver reads it to take a message once (by its Message-ID) and to count a sender's messages an hour.
 */
import type { Knex } from 'knex';

export const inboxTable = 'portal_inbox';

export type InboxStatus = 'accepted' | 'ignored' | 'refused';

export interface InboxEntry {
	status: InboxStatus;
	/** What became of it, or why not, in words staff read. */
	outcome: string;
	sender: string | null;
	subject: string;
	message_id: string | null;
	ticket_key: string | null;
	contact_key: string | null;
}

/** Fields staff list. */
export const inboxListFields = [
	'id',
	'status',
	'outcome',
	'sender',
	'subject',
	'message_id',
	'ticket_key',
	'contact_key',
	'date_created',
] as const;

export async function recordInbound(knex: Knex, entry: InboxEntry, now = new Date()): Promise<number> {
	const [row] = (await knex(inboxTable)
		.insert({
			...entry,
			sender: entry.sender?.slice(0, 255) ?? null,
			message_id: entry.message_id?.slice(0, 255) ?? null,
			subject: entry.subject.slice(0, 1000),
			outcome: entry.outcome.slice(0, 2000),
			date_created: now,
		})
		.returning('id')) as ({ id: number } | number)[];
	return typeof row === 'object' ? row.id : Number(row);
}

/** Whether a message with this Message-ID was already taken (a mail server may hand one over twice). */
export async function alreadyAccepted(knex: Knex, messageId: string | null): Promise<boolean> {
	if (!messageId) return false;
	return (
		(await knex(inboxTable)
			.select('id')
			.where({ message_id: messageId.slice(0, 255), status: 'accepted' satisfies InboxStatus })
			.first()) !== undefined
	);
}

/** How many messages from `sender` arrived since `since`, with `outcome` starting so where given. */
export async function receivedFrom(knex: Knex, sender: string, since: Date, outcome?: string): Promise<number> {
	const query = knex(inboxTable).count({ count: '*' }).where('sender', sender).andWhere('date_created', '>=', since);
	if (outcome) query.andWhere('outcome', 'like', `${outcome}%`);
	const [row] = (await query) as { count: number | string }[];
	return Number(row?.count ?? 0);
}
