import { describe, expect, test } from 'vitest';
import {
	alreadyRegisteredMail,
	escapeHtml,
	invitationMail,
	type MailBranding,
	requestReceivedMail,
	welcomeMail,
} from '../../../src/mail/portal-mails.ts';
import { displayName } from '../../../src/invitations/display-name.ts';

const branding: MailBranding = { portalName: 'Acme Portal', accentColor: '#123456' };
const script = '<script>alert("x")</script>';
const quotes = `"&'`;
const expiresAt = new Date('2026-03-04T12:00:00Z');

describe('escapeHtml', () => {
	test('Escapes the five characters HTML gives meaning to', () => {
		expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
		expect(escapeHtml(script)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
	});

	test('Escapes an ampersand that already starts an entity, so text shows as typed', () => {
		expect(escapeHtml('&amp; &lt;')).toBe('&amp;amp; &amp;lt;');
	});

	test('Leaves other text, non-ASCII included, as it is', () => {
		expect(escapeHtml('Zoë Müller – تقرير / 報告')).toBe('Zoë Müller – تقرير / 報告');
		expect(escapeHtml('')).toBe('');
	});
});

describe('invitationMail', () => {
	const mail = invitationMail(branding, {
		language: 'en',
		name: script,
		customer: quotes,
		link: 'https://portal.example/portal/accept-invitation?token=abc',
		expiresAt,
	});

	test('Escapes a contact name holding a script tag in the HTML part', () => {
		expect(mail.html).not.toContain('<script>');
		expect(mail.html).toContain('Hello &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;,');
	});

	test('Escapes quotes, ampersands and apostrophes in the customer name in the HTML part', () => {
		expect(mail.html).toContain('the requests and work of &quot;&amp;&#39;.');
		expect(mail.html).not.toContain(`of ${quotes}.`);
	});

	test('Keeps the plain-text part as typed, since it is not HTML', () => {
		expect(mail.text).toContain(`Hello ${script},`);
		expect(mail.text).toContain(`the requests and work of ${quotes}.`);
	});

	test('Escapes the link in the button and in the address printed below it', () => {
		const link = 'https://portal.example/accept?token=a"onmouseover="alert(1)&x=<b>';
		const html = invitationMail(branding, { language: 'en', name: 'Ada', customer: 'Acme', link, expiresAt }).html;
		expect(html).toContain(
			'href="https://portal.example/accept?token=a&quot;onmouseover=&quot;alert(1)&amp;x=&lt;b&gt;"',
		);
		expect(html).not.toContain('"onmouseover="');
		expect(html).not.toContain('<b>');
	});

	test('Escapes the portal name wherever the HTML shows it', () => {
		const html = invitationMail(
			{ portalName: `<img src=x onerror=alert(1)> & 'Co'`, accentColor: '#123456' },
			{ language: 'en', name: 'Ada', customer: 'Acme', link: 'https://x', expiresAt },
		).html;
		expect(html).not.toContain('<img');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &#39;Co&#39;');
	});

	test('Lets only a plain hex colour into the button style, and falls back to a neutral one otherwise', () => {
		const colour = (accentColor: string) =>
			invitationMail(
				{ portalName: 'P', accentColor },
				{ language: 'en', name: 'Ada', customer: 'Acme', link: 'https://x', expiresAt },
			).html;
		expect(colour('#abc')).toContain('background:#abc;');
		expect(colour('red;position:fixed')).toContain('background:#6644FF;');
		expect(colour('#123456" onclick="x')).toContain('background:#6644FF;');
		expect(colour('#123456" onclick="x')).not.toContain('onclick');
	});
});

describe('Other portal mails', () => {
	test('Escape the name, e-mail and links they show', () => {
		const welcome = welcomeMail(branding, {
			language: 'en',
			name: script,
			email: `a"b'@example.com`,
			portalUrl: 'https://x/?a=1&b=<2>',
		}).html;
		expect(welcome).not.toContain('<script>');
		expect(welcome).toContain('a&quot;b&#39;@example.com');
		expect(welcome).toContain('https://x/?a=1&amp;b=&lt;2&gt;');
		const registered = alreadyRegisteredMail(branding, {
			language: 'en',
			name: quotes,
			email: '<x>@example.com',
			resetLink: 'https://x/reset',
		}).html;
		expect(registered).toContain('Hello &quot;&amp;&#39;,');
		expect(registered).toContain('&lt;x&gt;@example.com');
	});

	test('Escape the subject of a request wherever the HTML repeats it', () => {
		const mail = requestReceivedMail(branding, {
			language: 'en',
			name: 'Ada',
			ticket: 7,
			subject: `${script} ${quotes}`,
			loginLink: null,
			portalUrl: null,
		});
		expect(mail.html).not.toContain('<script>');
		expect(mail.html).toContain('&quot;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &quot;&amp;&#39;&quot;');
	});
});

describe('displayName', () => {
	test('Names an invited contact by first and last name, then by e-mail, then generically', () => {
		expect(displayName({ first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' })).toBe('Ada Lovelace');
		expect(displayName({ first_name: null, last_name: 'Lovelace', email: 'ada@example.com' })).toBe('Lovelace');
		expect(displayName({ first_name: '', last_name: null, email: 'ada@example.com' })).toBe('ada@example.com');
		expect(displayName({ first_name: null, last_name: null, email: null })).toBe('there');
	});

	test('Passes a name with markup on as it is, for the mail to escape', () => {
		expect(displayName({ first_name: '<script>', last_name: quotes, email: null })).toBe(`<script> ${quotes}`);
		const html = invitationMail(branding, {
			language: 'en',
			name: displayName({ first_name: '<script>', last_name: quotes, email: null }),
			customer: 'Acme',
			link: 'https://x',
			expiresAt,
		}).html;
		expect(html).toContain('Hello &lt;script&gt; &quot;&amp;&#39;,');
	});
});
