/**
 * The outbox: every e-mail the portal sends is first a row of `portal_outbox`, written where the request
 * runs, and sent after it by `deliverOutbox` — so a request never waits on the mail server and a mail is
 * not lost while it is down. A sign-in link is stored sealed (`sealLink`) and put into the mail only when
 * it is sent.
 */
import type { Knex } from 'knex';
import type { RenderedMail } from './portal-mails.ts';
import { sealLink } from './sealed-link.ts';
import { withTeamTemplate } from './team-mail-templates.ts';

export const outboxTable = 'portal_outbox';

/** Stands for the sign-in link in a queued mail's stored text; the link itself goes in as it is sent. */
export const linkPlaceholder = '[sign-in link]';

export type MailKind =
	| 'invitation'
	| 'welcome'
	| 'request_received'
	| 'already_registered'
	| 'sign_up_refused'
	| 'ticket_reply'
	| 'ticket_status'
	| 'ticket_added'
	| 'account'
	| 'not_taken'
	| 'staff_notice';

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled';

export interface OutboxContext {
	knex: Knex;
	/** Directus's SECRET: seals the links. */
	secret: string;
	/** Asks for a delivery run soon, without waiting for it. */
	deliverSoon(): void;
	/** Directus's mail templates folder, where a team's templates of portal mails are (none where null). */
	templatesFolder?: string | null;
}

export interface MailToQueue {
	kind: MailKind;
	to: string;
	/** Rendered with `linkPlaceholder` where the link goes. */
	mail: RenderedMail;
	link?: string | null;
	/** The invitation the mail carries: its delivery count follows the mail's. */
	invitation?: number | null;
	/** Headers of its own, such as List-Unsubscribe. */
	headers?: Record<string, string> | null;
}

/** Queues a mail (in the team's template of it, where there is one) and asks for its delivery; answers its outbox id. */
export async function queueMail(context: OutboxContext, queued: MailToQueue, now = new Date()): Promise<number> {
	const mail = await withTeamTemplate(queued.mail, context.templatesFolder ?? null);
	const [row] = (await context
		.knex(outboxTable)
		.insert({
			kind: queued.kind,
			status: 'queued' satisfies OutboxStatus,
			recipient: queued.to,
			subject: mail.subject,
			body_text: mail.text,
			body_html: mail.html,
			headers: queued.headers ? JSON.stringify(queued.headers) : null,
			sealed_link: queued.link ? sealLink(queued.link, context.secret) : null,
			invitation: queued.invitation ?? null,
			attempts: 0,
			next_attempt_at: now,
			date_created: now,
		})
		.returning('id')) as ({ id: number } | number)[];
	context.deliverSoon();
	return typeof row === 'object' ? row.id : Number(row);
}

/**
 * An invitation's mails not yet sent stop here (resent with a new link, withdrawn or accepted): their
 * link no longer works, and is forgotten; a failed one stays failed, without its link.
 */
export async function cancelInvitationMails(knex: Knex, invitation: number): Promise<void> {
	await knex(outboxTable)
		.where({ invitation, status: 'queued' satisfies OutboxStatus })
		.update({ status: 'cancelled' satisfies OutboxStatus, sealed_link: null, next_attempt_at: null });
	await knex(outboxTable)
		.where({ invitation, status: 'failed' satisfies OutboxStatus })
		.update({ sealed_link: null });
}
