/**
 * Sends what waits in the outbox. Any instance may run it at any time: a row is claimed by one
 * conditional update (its status and attempt count as read), so two instances never send the same
 * mail; a claim lasts `leaseMs`, after which a mail whose sender died is tried again.
 */
import type { Knex } from 'knex';
import { escapeHtml } from './portal-mails.ts';
import { linkPlaceholder, type OutboxStatus, outboxTable } from './outbox.ts';
import { isPermanentMailError, nextAttemptAt, type RetryPolicy } from './outbox-retry.ts';
import { openLink } from './sealed-link.ts';

export interface OutgoingMail {
	to: string;
	subject: string;
	html: string;
	text: string;
	headers?: Record<string, string>;
}

export interface DeliveryContext {
	knex: Knex;
	secret: string;
	policy: RetryPolicy;
	send(mail: OutgoingMail): Promise<void>;
	now?: () => Date;
}

interface OutboxRow {
	id: number;
	status: OutboxStatus;
	attempts: number;
	recipient: string;
	subject: string;
	body_text: string | null;
	body_html: string | null;
	headers: string | Record<string, string> | null;
	sealed_link: string | null;
	invitation: number | null;
	next_attempt_at: string | number | Date | null;
	lease_until: string | number | Date | null;
	date_created: string | number | Date | null;
}

const leaseMs = 15 * 60_000;
const batchSize = 50;

function timeOf(value: string | number | Date | null): number | null {
	if (value === null) return null;
	const time = new Date(value).getTime();
	return Number.isNaN(time) ? null : time;
}

function isDue(row: OutboxRow, now: number): boolean {
	if (row.status === 'queued') return (timeOf(row.next_attempt_at) ?? 0) <= now;
	return row.status === 'sending' && (timeOf(row.lease_until) ?? 0) <= now;
}

/** A mail server's answer in a line, without anything that could carry a link. */
function describeError(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message.replace(/https?:\/\/\S+/g, '[address]').slice(0, 1000);
}

export interface DeliveryReport {
	sent: number;
	retrying: number;
	failed: number;
}

/** Sends every due mail; returns what became of them. */
export async function deliverOutbox(context: DeliveryContext): Promise<DeliveryReport> {
	const now = context.now ?? (() => new Date());
	const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
	let after = 0;
	for (;;) {
		const rows = (await context
			.knex(outboxTable)
			.select('*')
			.whereIn('status', ['queued', 'sending'] satisfies OutboxStatus[])
			.andWhere('id', '>', after)
			.orderBy('id')
			.limit(batchSize)) as OutboxRow[];
		if (rows.length === 0) return report;
		after = Number(rows[rows.length - 1]?.id);
		for (const row of rows) {
			if (isDue(row, now().getTime())) await deliverOne(context, row, now, report);
		}
	}
}

async function deliverOne(
	context: DeliveryContext,
	row: OutboxRow,
	now: () => Date,
	report: DeliveryReport,
): Promise<void> {
	const attempts = Number(row.attempts) + 1;
	const claimed = await context
		.knex(outboxTable)
		.where({ id: row.id, status: row.status, attempts: row.attempts })
		.update({ status: 'sending' satisfies OutboxStatus, attempts, lease_until: new Date(now().getTime() + leaseMs) });
	if (claimed !== 1) return;
	const mine = () => context.knex(outboxTable).where({ id: row.id, status: 'sending', attempts });

	let text = row.body_text ?? '';
	let html = row.body_html ?? '';
	if (row.sealed_link) {
		const link = openLink(row.sealed_link, context.secret);
		if (link === null) {
			await mine().update({
				status: 'failed' satisfies OutboxStatus,
				next_attempt_at: null,
				last_error:
					'Its sign-in link was sealed under another SECRET (the project’s SECRET changed since it was queued) and cannot be opened. Resend the invitation.',
			});
			report.failed += 1;
			return;
		}
		text = text.replaceAll(linkPlaceholder, link);
		html = html.replaceAll(escapeHtml(linkPlaceholder), escapeHtml(link));
	}

	try {
		const headers = typeof row.headers === 'string' ? (JSON.parse(row.headers) as Record<string, string>) : row.headers;
		await context.send({ to: row.recipient, subject: row.subject, html, text, ...(headers ? { headers } : {}) });
	} catch (error) {
		const createdAt = new Date(timeOf(row.date_created) ?? now().getTime());
		const next = isPermanentMailError(error)
			? null
			: nextAttemptAt(context.policy, { attempts, createdAt, now: now() });
		await mine().update({
			status: (next ? 'queued' : 'failed') satisfies OutboxStatus,
			next_attempt_at: next,
			lease_until: null,
			last_error: describeError(error),
		});
		if (next) report.retrying += 1;
		else report.failed += 1;
		return;
	}
	const sentAt = now();
	await mine().update({
		status: 'sent' satisfies OutboxStatus,
		sent_at: sentAt,
		sealed_link: null,
		next_attempt_at: null,
		lease_until: null,
		last_error: null,
	});
	if (row.invitation !== null)
		await context
			.knex('portal_invitations')
			.where('id', row.invitation)
			.update({ sent_count: context.knex.raw('sent_count + 1'), last_sent_at: sentAt });
	report.sent += 1;
}
