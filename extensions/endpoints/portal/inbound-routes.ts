/**
 * Raw mail handed over by the team's mail server or an inbound-mail service: `POST /portal/api/inbound/mime`
 * with the message itself as the body (any content type, `message/rfc822` by custom) and the token
 * PORTAL_INBOUND_TOKEN in an `X-Inbound-Token` header, or as the password of HTTP basic authentication
 * (`https://mail:<token>@…`, which inbound-mail services accept in a webhook address; a bearer token is
 * Directus's, which would refuse it). Closed (403) while no token is set. The SMTP
 * recipients, where the sender knows them, come as `?recipient=` (repeatable). Answers what became of the
 * message; a refused one is still a 200, so a mail server does not retry it.
 */
import { timingSafeEqual } from 'node:crypto';
import type { EndpointExtensionContext } from '@directus/types';
import type { Request, Router } from 'express';
import { ForbiddenError } from '@directus/errors';
import { MessageTooLargeError } from '../../../src/errors/message-too-large-error.ts';
import { inboundSettingsFromEnv } from '../../../src/inbound/inbound-settings.ts';
import { readInboundMail } from '../../../src/inbound/read-inbound-mail.ts';
import { readLimited } from '../../../src/inbound/read-limited.ts';
import { receiveMail } from '../../../src/inbound/receive-mail.ts';
import { inboundContext } from '../../shared/inbound-context.ts';
import { handle } from './handle.ts';

function sameToken(given: string, expected: string): boolean {
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

function tokenOf(request: Request): string {
	const header = request.headers['x-inbound-token'];
	if (typeof header === 'string') return header.trim();
	const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
	if (!basic) return '';
	const decoded = Buffer.from(basic, 'base64').toString('utf8');
	return decoded.slice(decoded.indexOf(':') + 1);
}

export function registerInboundRoutes(router: Router, context: EndpointExtensionContext): void {
	const settings = inboundSettingsFromEnv(context.env);

	router.post(
		'/api/inbound/mime',
		handle(async (request, response) => {
			if (!settings.token || !sameToken(tokenOf(request), settings.token)) throw new ForbiddenError();
			const raw = await readLimited(request, settings.maxMessageBytes);
			if (!raw) {
				response.setHeader('Connection', 'close');
				throw new MessageTooLargeError({ limit: settings.maxMessageBytes });
			}
			const recipients = [request.query['recipient'] ?? []].flat().filter((value) => typeof value === 'string');
			const mail = await readInboundMail(raw, recipients);
			const result = await receiveMail(
				inboundContext(
					{ services: context.services, schema: await context.getSchema(), knex: context.database },
					context.env,
				),
				mail,
			);
			response.json({
				data: { id: result.id || null, status: result.status, outcome: result.outcome, ticket: result.ticket },
			});
		}),
	);
}
