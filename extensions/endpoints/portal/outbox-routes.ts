/**
 * The outbox for portal staff: `GET /portal/api/outbox` lists mails (newest first, `?status=` to narrow,
 * counts per status), `GET /portal/api/outbox/:id` shows one with its text, and
 * `POST /portal/api/outbox/:id/resend` sends one again — an invitation's by resending the invitation with
 * a new link, since a sent link is not kept.
 */
import type { EndpointExtensionContext } from '@directus/types';
import type { Router } from 'express';
import { InvalidPayloadError } from '@directus/errors';
import { writeAudit } from '../../../src/audit/write-audit.ts';
import { queueInvitationMail } from '../../../src/invitations/queue-invitation-mail.ts';
import { resendInvitation } from '../../../src/invitations/resend-invitation.ts';
import {
	fetchOutboxMail,
	listOutbox,
	parseOutboxQuery,
	sendOutboxMailAgain,
} from '../../../src/mail/outbox-records.ts';
import { outboxContext } from '../../shared/outbox-state.ts';
import { handle } from './handle.ts';
import { accountabilityOf, ipOf, publicUrl, staffContext } from './request-context.ts';

function mailId(value: unknown): number {
	const id = Number(value);
	if (!Number.isSafeInteger(id) || id <= 0)
		throw new InvalidPayloadError({ reason: 'The mail id must be a positive whole number.' });
	return id;
}

export function registerOutboxRoutes(router: Router, context: EndpointExtensionContext): void {
	router.get(
		'/api/outbox',
		handle(async (request, response) => {
			const { maintenance } = await staffContext(context, request);
			const { data, counts } = await listOutbox(maintenance.knex, parseOutboxQuery(request.query));
			response.json({ data, meta: { counts } });
		}),
	);

	router.get(
		'/api/outbox/:id',
		handle(async (request, response) => {
			const { maintenance } = await staffContext(context, request);
			const {
				body_html: _html,
				headers: _headers,
				...mail
			} = await fetchOutboxMail(maintenance.knex, mailId(request.params['id']));
			response.json({ data: mail });
		}),
	);

	router.post(
		'/api/outbox/:id/resend',
		handle(async (request, response) => {
			const { maintenance, settings } = await staffContext(context, request);
			const outbox = outboxContext(maintenance.knex, context.env);
			const mail = await fetchOutboxMail(maintenance.knex, mailId(request.params['id']));
			let queued: number;
			if (mail.invitation !== null && mail.status !== 'queued') {
				const issued = await resendInvitation(maintenance, {
					id: mail.invitation,
					settings,
					ttlHours: settings.invite_ttl_hours,
				});
				queued = await queueInvitationMail(maintenance, outbox, issued, publicUrl(context));
			} else {
				queued = await sendOutboxMailAgain(outbox, mail);
			}
			await writeAudit(maintenance, {
				action: 'mail.resent',
				actor_user: accountabilityOf(request)?.user,
				target_collection: 'portal_outbox',
				target_id: mail.id,
				details: { queued, kind: mail.kind, to: mail.recipient },
				ip: ipOf(request),
			});
			response.json({ data: { id: queued, status: 'queued' } });
		}),
	);
}
