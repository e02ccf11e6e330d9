/**
 * Mail to the service desk, as the environment sets it up. Off unless configured: by a token for the
 * raw-MIME route (PORTAL_INBOUND_TOKEN, which the team's mail server or inbound-mail service sends as a
 * bearer token) and/or a port for the portal's own SMTP listener (PORTAL_INBOUND_SMTP_PORT).
 */
import { uploadLimitFromEnv } from '../attachments/upload-limit-from-env.ts';

export interface InboundSettings {
	/** Replies by mail reach tickets: the route or the listener is on. */
	enabled: boolean;
	/** The bearer token of `POST /portal/api/inbound/mime`; null keeps the route closed. */
	token: string | null;
	/** The support address contacts write to and replies go to (`support+<thread>@…`), if any. */
	supportAddress: string | null;
	smtp: { port: number; host: string } | null;
	/** The largest message taken, in bytes (PORTAL_INBOUND_MAX_BYTES, default 25 MB). */
	maxMessageBytes: number;
	/** The largest attachment stored: the portal's upload limit. */
	maxAttachmentBytes: number;
	/** Messages one sender may send an hour (PORTAL_INBOUND_LIMIT_PER_HOUR, default 30). */
	limitPerHour: number;
	/**
	 * Messages one sending server (a client address of the SMTP listener) may deliver an hour
	 * (PORTAL_INBOUND_LIMIT_PER_CLIENT, default 300): one server sending from many addresses cannot flood the inbox.
	 * Where the team's own mail server relays every message, it is the one client: raise it to its volume.
	 */
	limitPerClientPerHour: number;
	/** Addresses the portal sends from: mail from them is its own coming back. */
	ownAddresses: string[];
}

const address = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

function positive(value: unknown, fallback: number): number {
	const number = Number(value);
	return Number.isSafeInteger(number) && number > 0 ? number : fallback;
}

export function inboundSettingsFromEnv(env: Record<string, unknown>): InboundSettings {
	const token = String(env['PORTAL_INBOUND_TOKEN'] ?? '').trim();
	const support = String(env['PORTAL_INBOUND_ADDRESS'] ?? '')
		.trim()
		.toLowerCase();
	const port = positive(env['PORTAL_INBOUND_SMTP_PORT'], 0);
	// EMAIL_FROM may carry a name: `Service desk <desk@example.com>`.
	const fromSetting = String(env['EMAIL_FROM'] ?? '').trim();
	const from = (/<([^>]+)>/.exec(fromSetting)?.[1] ?? fromSetting).toLowerCase();
	// A token shorter than 24 characters would be guessable: the route stays closed.
	const usableToken = token.length >= 24 ? token : null;
	return {
		enabled: usableToken !== null || port > 0,
		token: usableToken,
		supportAddress: address.test(support) ? support : null,
		smtp: port > 0 ? { port, host: String(env['PORTAL_INBOUND_SMTP_HOST'] ?? '0.0.0.0') } : null,
		maxMessageBytes: positive(env['PORTAL_INBOUND_MAX_BYTES'], 25 * 1024 * 1024),
		maxAttachmentBytes: uploadLimitFromEnv(env),
		limitPerHour: positive(env['PORTAL_INBOUND_LIMIT_PER_HOUR'], 30),
		limitPerClientPerHour: positive(env['PORTAL_INBOUND_LIMIT_PER_CLIENT'], 300),
		ownAddresses: [from, support].filter((value) => address.test(value)),
	};
}
