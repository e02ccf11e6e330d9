/**
 * The outbox as staff see it: what waits, what was sent and what failed, newest first, and a mail sent
 * again. A sealed sign-in link is never part of the answer.
 */
import type { Knex } from 'knex';
import { InvalidPayloadError } from '@directus/errors';
import { OutboxMailError } from '../errors/outbox-mail-error.ts';
import { type MailKind, type OutboxContext, type OutboxStatus, outboxTable, queueMail } from './outbox.ts';

export const outboxStatuses: readonly OutboxStatus[] = ['queued', 'sending', 'sent', 'failed', 'cancelled'];

/** What staff see of a mail. */
export const outboxListFields = [
	'id',
	'kind',
	'status',
	'recipient',
	'subject',
	'attempts',
	'next_attempt_at',
	'last_error',
	'sent_at',
	'date_created',
	'invitation',
] as const;

export interface OutboxQuery {
	status: OutboxStatus | null;
	limit: number;
	offset: number;
}

/** Reads `?status=&limit=&offset=`; refuses what it cannot read, in words. */
export function parseOutboxQuery(query: Record<string, unknown>): OutboxQuery {
	const status = query['status'] === undefined || query['status'] === '' ? null : query['status'];
	if (status !== null && !outboxStatuses.includes(status as OutboxStatus))
		throw new InvalidPayloadError({ reason: `"status" must be one of ${outboxStatuses.join(', ')}.` });
	const whole = (value: unknown, name: string, fallback: number, max: number) => {
		if (value === undefined || value === '') return fallback;
		const number = Number(value);
		if (!Number.isSafeInteger(number) || number < 0 || number > max)
			throw new InvalidPayloadError({ reason: `"${name}" must be a whole number from 0 to ${max}.` });
		return number;
	};
	return {
		status: status as OutboxStatus | null,
		limit: Math.max(1, whole(query['limit'], 'limit', 50, 200)),
		offset: whole(query['offset'], 'offset', 0, 1_000_000),
	};
}

export async function listOutbox(
	knex: Knex,
	query: OutboxQuery,
): Promise<{ data: Record<string, unknown>[]; counts: Record<OutboxStatus, number> }> {
	const rows = (await knex(outboxTable)
		.select(...outboxListFields)
		.modify((builder) => {
			if (query.status) builder.where('status', query.status);
		})
		.orderBy('id', 'desc')
		.limit(query.limit)
		.offset(query.offset)) as Record<string, unknown>[];
	const grouped = (await knex(outboxTable).select('status').count({ count: '*' }).groupBy('status')) as {
		status: OutboxStatus;
		count: number | string;
	}[];
	const counts = Object.fromEntries(outboxStatuses.map((status) => [status, 0])) as Record<OutboxStatus, number>;
	for (const { status, count } of grouped) if (status in counts) counts[status] = Number(count);
	return { data: rows, counts };
}

export interface OutboxMail {
	id: number;
	kind: string;
	status: OutboxStatus;
	recipient: string;
	subject: string;
	body_text: string | null;
	body_html: string | null;
	headers: string | Record<string, string> | null;
	invitation: number | null;
}

export async function fetchOutboxMail(knex: Knex, id: number): Promise<OutboxMail> {
	const row = (await knex(outboxTable)
		.select('id', 'kind', 'status', 'recipient', 'subject', 'body_text', 'body_html', 'headers', 'invitation')
		.where('id', id)
		.first()) as OutboxMail | undefined;
	if (!row) throw new OutboxMailError({ reason: `There is no mail ${id} in the outbox.` });
	return {
		...row,
		id: Number(row.id),
		headers: typeof row.headers === 'string' ? (JSON.parse(row.headers) as Record<string, string>) : row.headers,
		invitation: row.invitation === null ? null : Number(row.invitation),
	};
}

/**
 * Sends a mail without a sign-in link again: one still waiting goes now; one sent, failed or cancelled
 * is queued anew as a copy (the row of what happened stays). Answers the id that will be sent. A mail
 * that carries an invitation's link is resent by resending the invitation (a new link), not here.
 */
export async function sendOutboxMailAgain(outbox: OutboxContext, mail: OutboxMail, now = new Date()): Promise<number> {
	if (mail.status === 'sending')
		throw new OutboxMailError({ reason: 'This mail is being sent right now; look again in a minute.' });
	if (mail.status === 'queued') {
		await outbox.knex(outboxTable).where({ id: mail.id, status: 'queued' }).update({ next_attempt_at: now });
		outbox.deliverSoon();
		return mail.id;
	}
	return queueMail(
		outbox,
		{
			kind: mail.kind as MailKind,
			to: mail.recipient,
			mail: { subject: mail.subject, html: mail.body_html ?? '', text: mail.body_text ?? '' },
			headers: typeof mail.headers === 'string' ? null : mail.headers,
		},
		now,
	);
}
