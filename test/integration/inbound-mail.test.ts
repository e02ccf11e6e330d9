/**
 * Mail to the service desk, sent by a real SMTP client (Nodemailer) to the portal's own SMTP listener, and
 * handed over as raw MIME to `POST /portal/api/inbound/mime`: a contact's reply to a ticket mail becomes
 * their public reply (quoted history and signature gone, staff told), whatever its form (HTML only,
 * non-ASCII, attachments within the upload rules); a forged sender, an automatic reply, a bounce or the
 * portal's own mail add nothing and are never answered; a new mail opens a ticket where the contact's
 * group allows it, and gets a polite refusal otherwise; a sender over the hourly limit is refused.
 */
import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mailsTo, type ReceivedMail } from '../../scripts/lib/mail-sink.ts';
import { api, createRow, directusUnderTest } from '../support/directus-under-test.ts';
import { eventually } from '../support/eventually.ts';
import { createPortalContact, type PortalContact, tokenOf, uniqueName } from '../support/portal-users.ts';

interface Comment {
	id: number;
	body: string;
	author_contact: number | null;
	author_user: string | null;
	is_internal: boolean | number;
}
interface InboxRow {
	status: string;
	outcome: string;
	sender: string;
	ticket_key: string | null;
}

let customer: number;
let requester: PortalContact;
let colleague: PortalContact;
const inbound = () => directusUnderTest().inbound;
const mailFolder = () => directusUnderTest().mailFolder;

const smtp = () => createTransport({ host: '127.0.0.1', port: inbound().smtpPort, secure: false, ignoreTLS: true });

/** Sends a message to the portal's SMTP listener, as a mail server would deliver it. */
async function sendBySmtp(message: Mail.Options): Promise<void> {
	await smtp().sendMail(message);
}

/** Hands a message to the raw-MIME route; answers the route's answer. */
async function handOver(message: Mail.Options, token = inbound().token) {
	const raw = await new MailComposer(message).compile().build();
	const response = await fetch(`${directusUnderTest().url}/portal/api/inbound/mime`, {
		method: 'POST',
		headers: { 'X-Inbound-Token': token, 'Content-Type': 'message/rfc822' },
		body: new Uint8Array(raw),
	});
	return { status: response.status, body: (await response.json()) as { data?: InboxRow & { ticket: unknown } } };
}

async function commentsOn(ticket: number): Promise<Comment[]> {
	const answer = await api<Comment[]>(
		'GET',
		`/items/ticket_comments?filter[ticket][_eq]=${ticket}&fields=id,body,author_contact,author_user,is_internal&sort=id`,
	);
	return answer.body.data ?? [];
}

async function inboxFrom(sender: string): Promise<InboxRow[]> {
	const answer = await api<InboxRow[]>(
		'GET',
		`/items/portal_inbox?filter[sender][_eq]=${encodeURIComponent(sender)}&sort=-id&fields=status,outcome,sender,ticket_key`,
	);
	return answer.body.data ?? [];
}

/** A ticket of the requester's with the colleague on cc, and a staff reply mailed to both. */
async function ticketWithStaffReply(): Promise<{ id: number; subject: string }> {
	const subject = uniqueName('Label printer');
	const ticket = await createRow('tickets', { customer, contact: requester.id, subject });
	await createRow('ticket_participants', { ticket: ticket.id, contact: colleague.id, kind: 'cc' });
	const reply = await api('POST', '/items/ticket_comments', {
		body: { ticket: ticket.id, body: 'Please try the new driver.', is_internal: false },
	});
	expect(reply.status).toBe(200);
	return { id: ticket.id, subject };
}

/** The ticket mail to `address`, its headers unfolded. */
async function ticketMailTo(address: string, ticket: number): Promise<{ mail: ReceivedMail; headers: string }> {
	const mail = await eventually(
		async () => {
			const found = (await mailsTo(mailFolder(), address)).find((candidate) =>
				candidate.subject.startsWith(`[#${ticket}]`),
			);
			expect(found).toBeDefined();
			return found as ReceivedMail;
		},
		{ timeoutMs: 30_000 },
	);
	const raw = await readFile(join(mailFolder(), mail.file), 'utf8');
	return { mail, headers: raw.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, ' ') ?? '' };
}

const header = (headers: string, name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';

/** A moment for anything wrongly written or sent to show. */
const settle = () => new Promise((done) => setTimeout(done, 2_000));

beforeAll(async () => {
	customer = (await createRow('customers', { name: uniqueName('Mailing client') })).id;
	requester = await createPortalContact(customer, 'Manager', { first_name: 'Rita', last_name: 'Replier' });
	colleague = await createPortalContact(customer, 'Basic', { first_name: 'Colin', last_name: 'Cc' });
	// Every sender here gets a fresh hour: the limit is counted from the inbox.
});

afterAll(async () => {
	await api('PATCH', '/items/portal_settings', { body: { access_mode: 'registered_only' } });
});

describe('Replies by e-mail', () => {
	test('A ticket mail can be answered: the reply by SMTP becomes the contact’s public reply, without the quote and signature; staff are told; taken once', async () => {
		const ticket = await ticketWithStaffReply();
		const { mail, headers } = await ticketMailTo(requester.email, ticket.id);
		const messageId = header(headers, 'Message-ID');
		const replyTo = header(headers, 'Reply-To');
		expect(messageId).toMatch(/^<portal\.[0-9a-f]+\.[0-9a-f]{20}\.[0-9a-f]+@127\.0\.0\.1>$/);
		expect(replyTo).toMatch(/^support\+[0-9a-f]{20}@example\.com$/);
		expect(header(headers, 'Auto-Submitted')).toBe('auto-generated');
		expect(mail.text).toContain('##- Please type your reply above this line -##');
		expect(mail.text).toContain('You can also answer by replying to this e-mail.');

		const reply = {
			from: `Rita Replier <${requester.email}>`,
			to: replyTo,
			subject: `Re: ${mail.subject}`,
			inReplyTo: messageId,
			references: messageId,
			messageId: `<${uniqueName('reply').replace(' ', '-')}@client.example>`,
			text: [
				'The new driver works — danke schön!',
				'',
				'-- ',
				'Rita Replier | Mailing client | +1 555 0100',
				'',
				`On Fri, Dec 4, 2026 at 10:00 Service desk <portal@example.com> wrote:`,
				...mail.text.split('\n').map((line) => `> ${line}`),
			].join('\n'),
		};
		await sendBySmtp(reply);
		const [written] = await eventually(
			async () => {
				const found = (await commentsOn(ticket.id)).filter((comment) => comment.author_contact === requester.id);
				expect(found).toHaveLength(1);
				return found;
			},
			{ timeoutMs: 20_000 },
		);
		expect(written?.body).toBe('The new driver works — danke schön!');
		expect(Boolean(written?.is_internal)).toBe(false);
		// The contact reads it in the portal, as theirs.
		const seen = await api<Comment[]>('GET', `/items/ticket_comments?filter[ticket][_eq]=${ticket.id}&fields=id,body`, {
			token: await tokenOf(requester),
		});
		expect(seen.body.data?.map((comment) => comment.body)).toContain('The new driver works — danke schön!');
		// Staff hear of it as of a reply in the portal.
		await eventually(async () => {
			const told = await api<{ subject: string }[]>(
				'GET',
				`/notifications?filter[collection][_eq]=tickets&filter[item][_eq]=${ticket.id}&fields=subject`,
			);
			expect(told.body.data?.map((row) => row.subject)).toContain(
				`Rita Replier (${(await api<{ name: string }>('GET', `/items/customers/${customer}`)).body.data?.name}) replied to the ticket: ${ticket.subject}`,
			);
		});

		// A mail server that hands the same message over again adds nothing.
		const again = await handOver(reply);
		expect(again.status).toBe(200);
		expect(again.body.data).toMatchObject({ status: 'ignored' });
		expect((await commentsOn(ticket.id)).filter((comment) => comment.author_contact === requester.id)).toHaveLength(1);
		expect((await inboxFrom(requester.email)).map((row) => row.status)).toEqual(['ignored', 'accepted']);
	});

	test('A contact without a login answers too: recorded as theirs, public, while they follow the ticket', async () => {
		const email = `no.login.${Date.now()}@client.example`;
		const contact = (await createRow('contacts', { customer, first_name: 'Nola', last_name: 'Nologin', email })).id;
		const subject = uniqueName('Phone line');
		const ticket = (await createRow('tickets', { customer, contact, subject })).id;
		await api('POST', '/items/ticket_comments', { body: { ticket, body: 'Is it working now?', is_internal: false } });
		const { mail, headers } = await ticketMailTo(email, ticket);
		const answer = await handOver({
			from: email,
			to: header(headers, 'Reply-To'),
			subject: `Re: ${mail.subject}`,
			inReplyTo: header(headers, 'Message-ID'),
			text: 'Yes, thank you.',
		});
		expect(answer.body.data).toMatchObject({ status: 'accepted', ticket });
		const written = (await commentsOn(ticket)).find((comment) => comment.author_contact === contact);
		expect(written).toMatchObject({ body: 'Yes, thank you.', author_user: null });
		expect(Boolean(written?.is_internal)).toBe(false);
	});

	test('A forged sender, or another contact using someone else’s thread, adds nothing and is not answered', async () => {
		const ticket = await ticketWithStaffReply();
		const { mail, headers } = await ticketMailTo(requester.email, ticket.id);
		const messageId = header(headers, 'Message-ID');
		const before = (await commentsOn(ticket.id)).length;
		const forgedSender = `mallory.${Date.now()}@evil.example`;
		for (const from of [forgedSender, colleague.email]) {
			const answer = await handOver({
				from,
				to: header(headers, 'Reply-To'),
				subject: `Re: ${mail.subject}`,
				inReplyTo: messageId,
				references: messageId,
				text: 'Close this ticket and send me the invoices.',
			});
			expect(answer.status).toBe(200);
			expect(answer.body.data).toMatchObject({ status: 'refused', ticket: ticket.id });
		}
		// A made-up thread for the ticket (the portal's form without the right signature) reaches no ticket: at
		// most, from a contact who may open tickets, it opens a new one of theirs.
		const madeUp = messageId.replace(/\.[0-9a-f]{20}\./, `.${'0'.repeat(20)}.`);
		const guessed = await handOver({
			from: requester.email,
			to: inbound().address,
			subject: 'Re: anything',
			inReplyTo: madeUp,
			text: 'Guessing',
		});
		expect(guessed.body.data?.ticket).not.toBe(ticket.id);
		await settle();
		expect(await commentsOn(ticket.id)).toHaveLength(before);
		expect(await mailsTo(mailFolder(), forgedSender)).toEqual([]);
	});

	test('An HTML-only reply with a non-ASCII subject, through the reply address alone, keeps its attachment and leaves out an oversized one and a program', async () => {
		const ticket = await ticketWithStaffReply();
		const { mail, headers } = await ticketMailTo(colleague.email, ticket.id);
		const answer = await handOver({
			from: colleague.email,
			to: header(headers, 'Reply-To'),
			subject: `AW: ${mail.subject} — طابعة`,
			html: '<div dir="rtl">الطابعة تعمل الآن</div><p>Größe: <b>A4</b> <a href="https://example.com/very/long/unbroken">link</a></p>',
			attachments: [
				{
					filename: 'Lieferschein März.pdf',
					content: Buffer.from('%PDF-1.4 delivery note'),
					contentType: 'application/pdf',
				},
				{ filename: 'huge.pdf', content: Buffer.alloc(10 * 1024 * 1024 + 1, 65), contentType: 'application/pdf' },
				{ filename: 'setup.exe', content: Buffer.from('MZ'), contentType: 'application/x-msdownload' },
			],
		});
		expect(answer.status).toBe(200);
		expect(answer.body.data?.status).toBe('accepted');
		expect(answer.body.data?.outcome).toContain('with 1 attachment(s)');
		expect(answer.body.data?.outcome).toContain('huge.pdf (too large)');
		expect(answer.body.data?.outcome).toContain('setup.exe (type application/x-msdownload not allowed)');
		const written = (await commentsOn(ticket.id)).find((comment) => comment.author_contact === colleague.id);
		expect(written?.body).toContain('الطابعة تعمل الآن');
		expect(written?.body).toContain('Größe: A4');
		const files = await api<{ file: { filename_download: string }; is_public: boolean }[]>(
			'GET',
			`/items/ticket_attachments?filter[ticket][_eq]=${ticket.id}&fields=is_public,file.filename_download`,
		);
		expect(files.body.data).toEqual([{ is_public: true, file: { filename_download: 'Lieferschein März.pdf' } }]);
	});

	test('An out-of-office answer, a bounce and the portal’s own mail coming back add nothing and get no answer', async () => {
		const ticket = await ticketWithStaffReply();
		const { mail, headers } = await ticketMailTo(requester.email, ticket.id);
		const messageId = header(headers, 'Message-ID');
		const before = (await commentsOn(ticket.id)).length;
		const sentBefore = (await mailsTo(mailFolder(), requester.email)).length;
		const reply = { to: header(headers, 'Reply-To'), inReplyTo: messageId, references: messageId };
		await sendBySmtp({
			...reply,
			from: requester.email,
			subject: `Automatic reply: ${mail.subject}`,
			headers: { 'Auto-Submitted': 'auto-replied', 'X-Autoreply': 'yes' },
			text: 'I am out of the office until Monday.',
		});
		await sendBySmtp({
			...reply,
			from: 'MAILER-DAEMON@mx.example.com',
			subject: 'Undelivered Mail Returned to Sender',
			text: 'This is the mail system. The message could not be delivered.',
		});
		// A mail loop: the portal's own mail delivered back to it.
		await sendBySmtp({ ...reply, from: 'portal@example.com', subject: mail.subject, text: mail.text });
		await settle();
		expect(await commentsOn(ticket.id)).toHaveLength(before);
		expect(await mailsTo(mailFolder(), requester.email)).toHaveLength(sentBefore);
		expect((await inboxFrom('mailer-daemon@mx.example.com'))[0]?.outcome).toMatch(/^Ignored: a delivery failure/);
		expect((await inboxFrom('portal@example.com'))[0]?.outcome).toMatch(/mail loop/);
	});
});

describe('New mail to the service desk', () => {
	test('A contact whose group may open tickets opens one; one whose group may not, and a stranger, get one polite answer a day', async () => {
		const subject = uniqueName('Toner empty');
		const opened = await handOver({
			from: `Rita Replier <${requester.email}>`,
			to: inbound().address,
			subject,
			text: 'The toner in the second floor printer is empty.\n\nRita',
		});
		expect(opened.body.data?.status).toBe('accepted');
		const ticket = Number(opened.body.data?.ticket);
		const row = await api<{ subject: string; customer: number; contact: number; description: string }>(
			'GET',
			`/items/tickets/${ticket}?fields=subject,customer,contact,description`,
		);
		expect(row.body.data).toMatchObject({ subject, customer, contact: requester.id });
		expect(row.body.data?.description).toContain('The toner in the second floor printer is empty.');

		const without = await createPortalContact(customer, 'No Portal Access', { first_name: 'Nadia' });
		const stranger = `stranger.${Date.now()}@elsewhere.example`;
		for (const from of [without.email, stranger, stranger]) {
			const answer = await handOver({ from, to: inbound().address, subject: 'Please help', text: 'Help' });
			expect(answer.body.data?.status).toBe('refused');
		}
		const refusal = await eventually(async () => {
			const mails = await mailsTo(mailFolder(), stranger);
			expect(mails).toHaveLength(1);
			return mails[0];
		});
		expect(refusal?.subject).toBe('Not delivered to the service desk: Please help');
		expect(refusal?.text).toContain('takes requests from registered contacts only');
		await eventually(async () => {
			const mails = await mailsTo(mailFolder(), without.email);
			expect(mails.some((mail) => mail.text.includes('does not let you open tickets'))).toBe(true);
		});
		await settle();
		expect(await mailsTo(mailFolder(), stranger)).toHaveLength(1);
	});

	test('Where the portal takes requests without signing in, a stranger’s mail is filed as one and acknowledged', async () => {
		await api('PATCH', '/items/portal_settings', { body: { access_mode: 'public' } });
		const stranger = `walk.in.${Date.now()}@unknown-company.example`;
		const answer = await handOver({
			from: `Walter Walkin <${stranger}>`,
			to: inbound().address,
			subject: 'Quote for 3 laptops',
			text: 'Could you send us a quote?',
		});
		expect(answer.body.data?.status).toBe('accepted');
		const acknowledged = await eventually(async () => {
			const [mail] = await mailsTo(mailFolder(), stranger);
			expect(mail).toBeDefined();
			return mail;
		});
		expect(acknowledged?.subject).toBe(
			`We received your request #${String(answer.body.data?.ticket)}: Quote for 3 laptops`,
		);
	});

	test('A sending server that drops the connection in the middle of a message leaves nothing, and Directus and the listener keep working', async () => {
		const sender = `dropped.${Date.now()}@unknown-company.example`;
		const socket = connect(inbound().smtpPort, '127.0.0.1');
		const lines: string[] = [];
		socket.setEncoding('utf8').on('data', (chunk: string) => lines.push(chunk));
		const answered = (code: string) =>
			eventually(async () => expect(lines.join('')).toMatch(new RegExp(`^${code} `, 'm')));
		await answered('220');
		socket.write('EHLO mail.unknown-company.example\r\n');
		socket.write(`MAIL FROM:<${sender}>\r\n`);
		socket.write(`RCPT TO:<${inbound().address}>\r\n`);
		socket.write('DATA\r\n');
		await answered('354');
		socket.write(`From: <${sender}>\r\nSubject: Half a message\r\n\r\nThe first half of`);
		// A reset, as a sending server that crashed or lost its network leaves.
		await new Promise((done) => setTimeout(done, 200));
		socket.resetAndDestroy();

		await new Promise((done) => setTimeout(done, 1_000));
		expect((await fetch(`${directusUnderTest().url}/server/ping`)).status).toBe(200);
		expect(await inboxFrom(sender)).toEqual([]);
		// The listener still takes the whole message, sent again.
		await sendBySmtp({ from: sender, to: inbound().address, subject: 'Half a message', text: 'The whole of it.' });
		await eventually(async () => expect(await inboxFrom(sender)).toHaveLength(1));
	});

	test('A sending server over its hourly limit of messages is refused for now (450, so it tries again later), whatever the senders; other servers are not', async () => {
		// Another loopback address is another sending server: the rest of the suite sends from 127.0.0.1.
		const server = createTransport({
			host: '127.0.0.1',
			port: inbound().smtpPort,
			secure: false,
			ignoreTLS: true,
			localAddress: '127.0.0.7',
		});
		const message = (index: number) => ({
			from: `sender${index}.${Date.now()}@relay.example`,
			to: inbound().address,
			subject: `Notice ${index}`,
			headers: { 'Auto-Submitted': 'auto-generated' },
			text: 'x',
		});
		for (let index = 0; index < 30; index++) await server.sendMail(message(index));
		const over = await server.sendMail(message(30)).then(
			() => null,
			(error: { responseCode?: number; response?: string }) => error,
		);
		expect(over?.responseCode).toBe(450);
		expect(over?.response).toContain('Too many messages from your server this hour');
		expect(await inboxFrom(message(30).from)).toEqual([]);
		await sendBySmtp(message(31));
	});

	test('A sender over the hourly limit is refused; the route refuses a wrong token and an oversized message', async () => {
		const flood = `flood.${Date.now()}@client.example`;
		const statuses: string[] = [];
		for (let index = 0; index < 8; index++) {
			const answer = await handOver({
				from: flood,
				to: inbound().address,
				subject: `Auto ${index}`,
				headers: { 'Auto-Submitted': 'auto-generated' },
				text: 'x',
			});
			statuses.push(String(answer.body.data?.outcome));
		}
		expect(statuses.slice(0, 6).every((outcome) => outcome.startsWith('Ignored'))).toBe(true);
		expect(statuses.slice(6).every((outcome) => outcome.startsWith('Refused: more than 6 messages an hour'))).toBe(
			true,
		);

		const message = { from: requester.email, to: inbound().address, subject: 'x', text: 'x' };
		expect((await handOver(message, 'wrong-token-of-the-same-length-00000000000000')).status).toBe(403);
		expect((await handOver(message, '')).status).toBe(403);
		// The token as the password of basic authentication, as inbound-mail services put it in a webhook address.
		const basic = await fetch(`${directusUnderTest().url}/portal/api/inbound/mime`, {
			method: 'POST',
			headers: {
				'Authorization': `Basic ${Buffer.from(`mail:${inbound().token}`).toString('base64')}`,
				'Content-Type': 'message/rfc822',
			},
			body: new Uint8Array(
				await new MailComposer({ ...message, from: `basic.${Date.now()}@client.example` }).compile().build(),
			),
		});
		expect(basic.status).toBe(200);
		const big = await handOver({
			...message,
			attachments: [{ filename: 'big.pdf', content: Buffer.alloc(26 * 1024 * 1024, 66) }],
		});
		expect(big.status).toBe(413);
	});
});
