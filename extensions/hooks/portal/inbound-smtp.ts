/**
 * The portal's own SMTP listener, for a mail server (or an MX record) to deliver the support address's
 * mail to: on only where PORTAL_INBOUND_SMTP_PORT is set, on PORTAL_INBOUND_SMTP_HOST (all interfaces by
 * default). It takes mail for the support address and its `+…` forms only (every address where none is
 * set), refuses a message over PORTAL_INBOUND_MAX_BYTES while it arrives, and answers a temporary failure
 * (451) where the portal could not take a message, so the sending server tries again. No AUTH and no TLS:
 * put it behind the team's mail server, or on a private network.
 */
import type { HookExtensionContext, RegisterFunctions } from '@directus/types';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { SMTPServer } from 'smtp-server';
import { inboundSettingsFromEnv } from '../../../src/inbound/inbound-settings.ts';
import { readInboundMail } from '../../../src/inbound/read-inbound-mail.ts';
import { readLimited } from '../../../src/inbound/read-limited.ts';
import { receiveMail } from '../../../src/inbound/receive-mail.ts';
import { createLimiter } from '../../../src/rate-limit/create-limiter.ts';
import { limitStoreFromEnv } from '../../../src/rate-limit/limit-store-from-env.ts';
import { portalIsOpen } from '../../shared/doctor-state.ts';
import { inboundContext } from '../../shared/inbound-context.ts';

/** An SMTP answer with its code, as smtp-server sends it. */
function smtpError(code: number, message: string): Error & { responseCode: number } {
	return Object.assign(new Error(message), { responseCode: code });
}

export function registerInboundSmtp(
	{ init }: RegisterFunctions,
	{ services, getSchema, database, logger, env }: HookExtensionContext,
): void {
	const settings = inboundSettingsFromEnv(env);
	const smtp = settings.smtp;
	if (!smtp) return;
	const support = settings.supportAddress;
	const forSupport = (address: string) => {
		if (!support) return true;
		const at = support.lastIndexOf('@');
		const [local, domain] = [support.slice(0, at), support.slice(at + 1)];
		const match = /^([^@+]+)(\+[^@]*)?@(.+)$/.exec(address.toLowerCase());
		return match !== null && match[1] === local && match[3] === domain;
	};

	// Counted per message at MAIL FROM, before anything is read; shared by every instance where Directus has Redis.
	const perClient = createLimiter(limitStoreFromEnv(env), {
		name: 'inbound-smtp',
		scope: 'client',
		points: settings.limitPerClientPerHour,
		windowSeconds: 3600,
	});

	init('app.after', () => {
		const server = new SMTPServer({
			name: new URL(String(env['PUBLIC_URL'] ?? 'http://localhost')).hostname || 'localhost',
			banner: 'Customer Portal',
			authOptional: true,
			disabledCommands: ['AUTH', 'STARTTLS'],
			size: settings.maxMessageBytes,
			logger: false,
			onMailFrom(_address, session, done) {
				perClient.consume(session.remoteAddress).then(
					() => done(),
					(refusal: unknown) => {
						// Over the limit: a temporary refusal, so a legitimate server delivers the rest later. A store that
						// fails (Redis away with no fallback) takes the message rather than lose mail.
						if (!(refusal instanceof RateLimiterRes)) return done();
						logger.warn(`Customer Portal: SMTP client ${session.remoteAddress} is over its hourly limit of messages`);
						done(smtpError(450, 'Too many messages from your server this hour; try again later'));
					},
				);
			},
			onRcptTo(address, _session, done) {
				if (forSupport(address.address)) done();
				else done(smtpError(550, 'No such mailbox here'));
			},
			onData(stream, session, done) {
				void (async () => {
					// A sending server that drops the connection mid-message ends the stream with an error: nothing is
					// taken (it sends the whole message again), and nothing may escape this callback, which would end Directus.
					const raw = await readLimited(stream, settings.maxMessageBytes).catch((error: unknown) => {
						logger.warn(`Customer Portal: a message by SMTP was not received in full (${String(error)})`);
						return undefined;
					});
					if (raw === undefined) return done(smtpError(451, 'The message was not received in full'));
					if (!raw || stream.sizeExceeded)
						return done(smtpError(552, `Message larger than ${settings.maxMessageBytes} bytes`));
					// The sending server keeps the message and tries again (for days, by custom) until the portal opens.
					if (!portalIsOpen())
						return done(smtpError(451, 'The service desk is closed for maintenance; try again later'));
					try {
						const mail = await readInboundMail(
							raw,
							session.envelope.rcptTo.map((recipient) => recipient.address),
						);
						const result = await receiveMail(
							inboundContext({ services, schema: await getSchema({ database }), knex: database }, env),
							mail,
						);
						logger.info(`Customer Portal: mail from ${mail.from?.address ?? 'nobody'}: ${result.outcome}`);
						done();
					} catch (error) {
						logger.error(error, 'Customer Portal: a received mail could not be taken');
						done(smtpError(451, 'Could not take the message now; try again later'));
					}
				})();
			},
		});
		server.on('error', (error) => logger.error(error, 'Customer Portal: the SMTP listener failed'));
		server.listen(smtp.port, smtp.host, () =>
			logger.info(`Customer Portal: taking mail by SMTP on ${smtp.host}:${smtp.port}`),
		);
	});
}
