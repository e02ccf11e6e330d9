import { describe, expect, test } from 'vitest';
import { accountMail, type MailBranding, ticketReplyMail, ticketStatusMail } from '../../../src/mail/portal-mails.ts';
import { parsePreferences } from '../../../src/notifications/parse-preferences.ts';
import { readUnsubscribeToken, unsubscribeToken } from '../../../src/notifications/unsubscribe-token.ts';

const branding: MailBranding = { portalName: 'Acme Portal', accentColor: '#123456' };
const secret = 'a-project-secret-of-some-length';
const unsubscribe = 'https://portal.example.com/portal/unsubscribe?token=abc.def';

describe('Unsubscribe tokens', () => {
	test('Name the contact and kind they were signed for, under this SECRET only', () => {
		for (const contact of [42, '0b8e6c52-3f6f-4d2c-9a51-2f4b1f0c8a11']) {
			const token = unsubscribeToken(secret, contact, 'replies');
			expect(readUnsubscribeToken(secret, token)).toEqual({ contact, kind: 'replies' });
			expect(readUnsubscribeToken('another-secret', token)).toBeNull();
		}
	});

	test('Refuse anything altered or made up', () => {
		const token = unsubscribeToken(secret, 42, 'status');
		const [payload, signature] = token.split('.') as [string, string];
		const otherContact = Buffer.from(JSON.stringify([43, 'status'])).toString('base64url');
		for (const bad of [
			`${otherContact}.${signature}`,
			`${payload}.${signature.slice(0, -1)}`,
			`${payload}.${signature}.x`,
			`${Buffer.from(JSON.stringify([42, 'marketing'])).toString('base64url')}.${signature}`,
			'',
			'.',
			'a'.repeat(600),
			42,
			null,
		])
			expect(readUnsubscribeToken(secret, bad)).toBeNull();
	});
});

describe('Preferences a contact sends', () => {
	test('Take kinds and booleans, and refuse anything else in words', () => {
		expect(parsePreferences({ replies: false, account: true })).toEqual({ replies: false, account: true });
		for (const body of [null, [], 'replies', {}, { replies: 'no' }, { replies: 0 }, { marketing: false }])
			expect(() => parsePreferences(body), JSON.stringify(body)).toThrow(/kind|true or false|object|at least one/);
	});
});

describe('Contact mails', () => {
	const script = '<script>alert("x")</script>';
	test('A staff reply’s Markdown is rendered safely in the HTML part and kept as written in the text part, with the ticket link and the unsubscribe link in both', () => {
		const mail = ticketReplyMail(branding, {
			language: 'en',
			name: 'Rita',
			ticket: 7,
			subject: `Printer ${script}`,
			author: { name: 'Sam Staff' },
			reply: `First paragraph ${script}\n\nSecond **paragraph** with [a link](http://example.com/notes), [another](javascript:alert(1)) and ![a pixel](https://tracker.example/p.gif)`,
			link: 'https://portal.example.com/portal/tickets/7',
			unsubscribe,
		});
		expect(mail.subject).toBe(`[#7] Printer ${script}`);
		expect(mail.html).not.toContain('<script>');
		expect(mail.html).toContain('First paragraph &lt;script&gt;');
		expect(mail.html).toContain('<strong>paragraph</strong>');
		expect(mail.html).toContain(
			'<a href="http://example.com/notes" target="_blank" rel="noopener noreferrer nofollow">a link</a>',
		);
		expect(mail.html).not.toContain('javascript:alert(1)"');
		expect(mail.html).not.toContain('<img');
		expect(mail.html).toContain(`href="${unsubscribe}"`);
		expect(mail.text).toContain('Second **paragraph**');
		expect(mail.text).toContain(`Unsubscribe from these e-mails: ${unsubscribe}`);
		expect(mail.text).toContain('https://portal.example.com/portal/tickets/7');
	});

	test('A reply that set the ticket’s state says so in its heading and after its words, in either language, and hands the state and file names to a team’s template', () => {
		const reply = {
			name: 'Rita',
			ticket: 7,
			subject: 'Printer',
			author: { name: 'Sam Staff' },
			reply: 'Replaced the print head.',
			link: 'https://portal.example.com/portal/tickets/7',
			unsubscribe,
		};
		const resolved = ticketReplyMail(branding, {
			...reply,
			language: 'en',
			state: 'resolved',
			attachments: ['report.pdf', 'photo.png'],
		});
		expect(resolved.subject).toBe('[#7] Printer');
		expect(resolved.text).toContain('Sam Staff replied to "Printer" and marked it resolved');
		expect(resolved.text).toContain('Replaced the print head.');
		expect(resolved.text).toContain('Attached on the ticket: report.pdf, photo.png');
		expect(resolved.text).toContain('If the problem is still there, reply on the ticket.');
		expect(resolved.template?.values).toMatchObject({ state: 'resolved', attachments: ['report.pdf', 'photo.png'] });
		const waiting = ticketReplyMail(branding, { ...reply, language: 'de', state: 'pending' });
		expect(waiting.text).toContain('Sam Staff hat auf „Printer“ geantwortet: Das Ticket wartet auf Sie');
		expect(waiting.text).toContain('Im Ticket antworten: https://portal.example.com/portal/tickets/7');
		expect(waiting.text).not.toContain('Im Ticket angehängt');
		const plain = ticketReplyMail(branding, { ...reply, language: 'en' });
		expect(plain.text).toContain('Sam Staff replied to "Printer"\n');
		expect(plain.template?.values).toMatchObject({ state: null, attachments: [] });
	});

	test('Status and account mails say what happened and how to stop them', () => {
		const common = {
			language: 'en' as const,
			name: 'Rita',
			ticket: 'abc',
			subject: 'VPN',
			link: 'https://x/portal/tickets/abc',
			unsubscribe,
		};
		expect(ticketStatusMail(branding, { ...common, state: 'pending' }).subject).toBe('[#abc] Waiting on you: VPN');
		expect(ticketStatusMail(branding, { ...common, state: 'resolved' }).subject).toBe('[#abc] Resolved: VPN');
		const account = accountMail(branding, {
			language: 'en',
			name: 'Rita',
			event: 'password_changed',
			portalUrl: 'https://x/portal/',
			unsubscribe,
		});
		expect(account.subject).toBe('Your password for Acme Portal was changed');
		expect(account.text).toContain('https://x/portal/forgot-password');
		expect(account.text).toContain(unsubscribe);
	});
});
