/**
 * The pure parts of mail to the service desk: the thread a ticket mail carries (and that nobody can make
 * up), reading real MIME (HTML-only, non-ASCII, attachments), telling machines' mail from people's, and
 * keeping only the words a person wrote above the quoted mail.
 */
import { describe, expect, test } from 'vitest';
import { ignoredMailReason } from '../../../src/inbound/classify-inbound-mail.ts';
import { inboundSettingsFromEnv } from '../../../src/inbound/inbound-settings.ts';
import { readInboundMail } from '../../../src/inbound/read-inbound-mail.ts';
import { writtenText } from '../../../src/inbound/reply-text.ts';
import {
	isThreadSignature,
	signaturesInAddresses,
	threadMessageId,
	threadReplyAddress,
	threadsInMessageIds,
	ticketInSubject,
} from '../../../src/inbound/thread-token.ts';
import { english } from '../../../src/mail/wording/english.ts';
import { german } from '../../../src/mail/wording/german.ts';

const secret = 'a-secret-of-the-project-0123456789';
const own = ['portal@example.com', 'support@example.com'];

function message(headers: Record<string, string>, body: string): Buffer {
	const lines = Object.entries({
		'From': 'Rita Requester <rita@client.example>',
		'To': 'support@example.com',
		'Subject': 'Printer',
		'Message-ID': '<m1@client.example>',
		'Date': 'Fri, 04 Dec 2026 10:00:00 +0000',
		'MIME-Version': '1.0',
		'Content-Type': 'text/plain; charset=utf-8',
		...headers,
	}).map(([name, value]) => `${name}: ${value}`);
	return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body.replace(/\n/g, '\r\n')}`);
}

describe('The thread a ticket mail carries', () => {
	test('a Message-ID names its ticket and contact, and each mail gets its own', () => {
		for (const thread of [
			{ ticket: 42, contact: 7 },
			{ ticket: '0b9e1c3a-5d7f-4f1e-9a2b-3c4d5e6f7a8b', contact: 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9' },
		]) {
			const first = threadMessageId(secret, thread, 'portal.example');
			expect(first).not.toBe(threadMessageId(secret, thread, 'portal.example'));
			expect(threadsInMessageIds(secret, [`<other@x> ${first}`])).toEqual([thread]);
		}
	});

	test('an altered or foreign Message-ID names nothing', () => {
		const id = threadMessageId(secret, { ticket: 42, contact: 7 }, 'portal.example');
		const named = Buffer.from(JSON.stringify([43, 7])).toString('hex');
		const forged = id.replace(/portal\.[0-9a-f]+\./, `portal.${named}.`);
		expect(threadsInMessageIds(secret, [forged])).toEqual([]);
		expect(threadsInMessageIds('another-secret-of-another-project', [id])).toEqual([]);
		expect(threadsInMessageIds(secret, ['<portal.zz.123@x>', '', '<CAF=abc@mail.gmail.com>'])).toEqual([]);
	});

	test('a reply address carries a signature for the ticket and contact, in any case', () => {
		const address = threadReplyAddress(secret, { ticket: 42, contact: 7 }, 'support@example.com');
		expect(address).toMatch(/^support\+[0-9a-f]{20}@example\.com$/);
		expect(address.length).toBeLessThan(64 + 12);
		const [signature] = signaturesInAddresses([address.toUpperCase(), 'rita@client.example'], 'support@example.com');
		expect(isThreadSignature(secret, { ticket: 42, contact: 7 }, signature ?? '')).toBe(true);
		expect(isThreadSignature(secret, { ticket: 42, contact: 8 }, signature ?? '')).toBe(false);
		expect(signaturesInAddresses([address.replace('support', 'sales')], 'support@example.com')).toEqual([]);
		expect(ticketInSubject('Re: AW: [#42] Printer')).toBe(42);
		expect(ticketInSubject('Printer 42')).toBeNull();
	});
});

describe('Reading a message', () => {
	test('an HTML-only mail in another script, with an encoded subject and an attachment', async () => {
		const boundary = 'b1';
		const raw = message(
			{
				'Subject': '=?UTF-8?B?2LfYp9io2LnYqSDZhNinINiq2LnZhdmEIOKAlCBEcnVja2VyIGdlaHQgbmljaHQ=?=',
				'Content-Type': `multipart/mixed; boundary="${boundary}"`,
				'Cc': 'Colin <colin@client.example>',
				'In-Reply-To': '<portal.a.b.c@x>',
				'References': '<one@x> <two@x>',
			},
			[
				`--${boundary}`,
				'Content-Type: text/html; charset=utf-8',
				'',
				'<p>Die <b>Größe</b> stimmt nicht — <a href="https://x.example/a">hier</a></p>',
				`--${boundary}`,
				'Content-Type: application/pdf; name="Rechnung März.pdf"',
				'Content-Disposition: attachment; filename="Rechnung März.pdf"',
				'Content-Transfer-Encoding: base64',
				'',
				Buffer.from('%PDF-1.4 test').toString('base64'),
				`--${boundary}--`,
				'',
			].join('\n'),
		);
		const mail = await readInboundMail(raw, ['Support+abc@example.com']);
		expect(mail.subject).toBe('طابعة لا تعمل — Drucker geht nicht');
		expect(mail.text).toContain('Die Größe stimmt nicht');
		expect(mail.from).toEqual({ address: 'rita@client.example', name: 'Rita Requester' });
		expect(mail.recipients).toEqual(['support+abc@example.com', 'support@example.com', 'colin@client.example']);
		expect(mail.quotedIds).toEqual(['<portal.a.b.c@x>', '<one@x>', '<two@x>']);
		expect(mail.attachments).toHaveLength(1);
		expect(mail.attachments[0]?.filename).toBe('Rechnung März.pdf');
		expect(mail.attachments[0]?.type).toBe('application/pdf');
		expect(mail.attachments[0]?.content.toString()).toBe('%PDF-1.4 test');
	});
});

describe('Mail no person wrote', () => {
	const cases: [string, Record<string, string>, ReturnType<typeof ignoredMailReason>][] = [
		['a person', {}, null],
		['Auto-Submitted: no', { 'Auto-Submitted': 'no' }, null],
		['an out-of-office answer (RFC 3834)', { 'Auto-Submitted': 'auto-replied' }, 'auto-reply'],
		['Exchange’s automatic reply', { 'X-Autoreply': 'yes', 'Subject': 'Automatic reply: Printer' }, 'auto-reply'],
		['an "Out of Office" subject only', { Subject: 'Out of Office: Printer' }, 'auto-reply'],
		['Precedence: auto_reply', { Precedence: 'auto_reply' }, 'auto-reply'],
		[
			'a bounce',
			{
				'From': 'MAILER-DAEMON@mx.client.example',
				'Content-Type': 'multipart/report; report-type=delivery-status; boundary=x',
			},
			'bounce',
		],
		['a list', { 'List-Id': '<news.client.example>' }, 'mailing-list'],
		['bulk', { Precedence: 'bulk' }, 'mailing-list'],
		['the portal’s own address', { From: 'Portal <portal@example.com>' }, 'loop'],
		['the support address with a thread', { From: 'support+0123456789abcdef0123@example.com' }, 'loop'],
		['a portal mail coming back', { 'X-Customer-Portal': 'ticket' }, 'loop'],
	];
	test.each(cases)('%s', async (_name, headers, reason) => {
		const mail = await readInboundMail(message(headers, 'Hello'));
		expect(ignoredMailReason(mail, own)).toBe(reason);
	});
});

describe('The words a person wrote', () => {
	test('above the portal’s marker, without the quote header, quoted lines or signature', () => {
		const text = [
			'Thanks, that fixed it!',
			'',
			'Rita',
			'',
			'-- ',
			'Rita Requester | Client Ltd | +1 555 0100',
			'',
			'On Fri, Dec 4, 2026 at 10:00 AM Service desk <portal@example.com> wrote:',
			`> ${english.common.replyMarker}`,
			'> Ana replied to "Printer"',
		].join('\n');
		expect(writtenText(text)).toBe('Thanks, that fixed it!\n\nRita');
	});

	test('above the marker of a German mail too', () => {
		const text = [
			'Danke, jetzt geht es wieder.',
			'',
			'Am Fr., 4. Dez. 2026 um 10:00 schrieb Service-Desk <portal@example.com>:',
			`> ${german.common.replyMarker}`,
			'> Ana hat auf „Drucker“ geantwortet',
		].join('\n');
		expect(writtenText(text)).toBe('Danke, jetzt geht es wieder.');
	});

	test('a reply without the marker loses its quoted history', () => {
		const text = ['Still broken.', '', 'On Thu, 3 Dec 2026, Ana wrote:', '> Try again', '> please'].join('\n');
		expect(writtenText(text)).toBe('Still broken.');
	});

	test('Markdown, right-to-left text and a long unbroken string are kept as written', () => {
		const long = `https://example.com/${'a'.repeat(3000)}`;
		const text = `**Bold** [link](https://x.example)\nمرحبا بالعالم\n${long}`;
		expect(writtenText(text)).toBe(text);
	});
});

describe('Settings', () => {
	test('off unless a long token or a port is set; the support address and EMAIL_FROM are the portal’s own', () => {
		expect(inboundSettingsFromEnv({}).enabled).toBe(false);
		expect(inboundSettingsFromEnv({ PORTAL_INBOUND_TOKEN: 'short' }).enabled).toBe(false);
		const on = inboundSettingsFromEnv({
			PORTAL_INBOUND_TOKEN: 'x'.repeat(32),
			PORTAL_INBOUND_ADDRESS: 'Support@Example.com',
			EMAIL_FROM: 'Service desk <portal@example.com>',
		});
		expect(on).toMatchObject({ enabled: true, supportAddress: 'support@example.com', smtp: null });
		expect(on.ownAddresses).toEqual(['portal@example.com', 'support@example.com']);
		expect(inboundSettingsFromEnv({ PORTAL_INBOUND_SMTP_PORT: '2525' }).smtp).toEqual({ port: 2525, host: '0.0.0.0' });
	});
});
