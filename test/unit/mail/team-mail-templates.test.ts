import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { checkMailTemplates } from '../../../src/doctor/check-mail-templates.ts';
import { linkPlaceholder } from '../../../src/mail/outbox.ts';
import {
	escapeHtml,
	invitationMail,
	type MailBranding,
	ticketReplyMail,
	welcomeMail,
} from '../../../src/mail/portal-mails.ts';
import { sampleMails } from '../../../src/mail/sample-mails.ts';
import { mailTemplatesFolder, withTeamTemplate } from '../../../src/mail/team-mail-templates.ts';

const branding: MailBranding = { portalName: 'Acme Portal', accentColor: '#123456' };
const reply = () =>
	ticketReplyMail(branding, {
		language: 'en',
		name: 'Zoë',
		ticket: 42,
		subject: 'Printer <b>offline</b> — تقرير',
		author: { name: 'Sam Support' },
		reply: 'Fixed <script>alert(1)</script>.\n\nSee **the notes**.',
		link: 'https://support.example.com/portal/tickets/42',
		unsubscribe: 'https://support.example.com/portal/unsubscribe?token=t',
		answerable: true,
	});

let folder: string;
const write = (file: string, text: string) => writeFile(join(folder, file), text);

beforeEach(async () => {
	folder = await mkdtemp(join(tmpdir(), 'portal-templates-'));
});
afterEach(async () => {
	await rm(folder, { recursive: true, force: true });
});

describe('A team’s templates of the portal’s mails', () => {
	test('Where the team has none (or no folder), the portal’s own mail goes as it is', async () => {
		const mail = reply();
		expect(await withTeamTemplate(mail, folder)).toBe(mail);
		expect(await withTeamTemplate(mail, null)).toBe(mail);
		expect(await withTeamTemplate(mail, join(folder, 'not-there'))).toBe(mail);
	});

	test('A mail’s own template gives its HTML, its subject from the title, and its text; every value escaped', async () => {
		await write(
			'portal-ticket-reply.liquid',
			`<html><head><title>{{ portal.name }} · #{{ ticket }} {{ subject }}</title></head>
<body style="color:{{ portal.accentColor }}"><p>{{ mail.replyMarker }}</p><h1>{{ author }} wrote</h1>
{% for paragraph in mail.paragraphs %}<p>{{ paragraph }}</p>{% endfor %}
<a href="{{ link }}">{{ mail.action.label }}</a><p><a href="{{ unsubscribe }}">Stop these</a></p></body></html>`,
		);
		const mail = await withTeamTemplate(reply(), folder);
		expect(mail.subject).toBe('Acme Portal · #42 Printer <b>offline</b> — تقرير');
		expect(mail.html).toContain('<h1>Sam Support wrote</h1>');
		expect(mail.html).toContain('<p>Fixed &lt;script&gt;alert(1)&lt;/script&gt;.</p>');
		expect(mail.html).not.toContain('<script>');
		expect(mail.html).toContain('style="color:#123456"');
		expect(mail.html).toContain('##- Please type your reply above this line -##');
		// The text part is the HTML as text: a contact's words as they wrote them, the links written out.
		expect(mail.text).toContain('Fixed <script>alert(1)</script>.');
		expect(mail.text).toContain('View the ticket and reply [https://support.example.com/portal/tickets/42]');
		expect(mail.text).not.toContain('<p>');
	});

	test('A text template of its own is used as written, not escaped; without a title the portal’s subject stays', async () => {
		await write('portal-ticket-reply.liquid', '<p>{{ reply }}</p>');
		await write('portal-ticket-reply.txt.liquid', '{{ author }}: {{ reply }}');
		const mail = await withTeamTemplate(reply(), folder);
		expect(mail.subject).toBe('[#42] Printer <b>offline</b> — تقرير');
		expect(mail.text).toBe('Sam Support: Fixed <script>alert(1)</script>.\n\nSee **the notes**.');
	});

	test('The layout serves every mail without a template of its own; a mail’s own wins over it', async () => {
		await write('portal-layout.liquid', '<title>{{ mail.subject }}</title><div class="team">{{ mail.heading }}</div>');
		await write('portal-welcome.liquid', '<div class="welcome">{{ email }}</div>');
		const replied = await withTeamTemplate(reply(), folder);
		expect(replied.html).toBe(
			'<title>[#42] Printer &lt;b&gt;offline&lt;/b&gt; — تقرير</title><div class="team">Sam Support replied to &#34;Printer &lt;b&gt;offline&lt;/b&gt; — تقرير&#34;</div>',
		);
		const welcome = await withTeamTemplate(
			welcomeMail(branding, {
				language: 'en',
				name: 'Zoë',
				portalUrl: 'https://x.example/portal/',
				email: 'zoe@x.example',
			}),
			folder,
		);
		expect(welcome.html).toBe('<div class="welcome">zoe@x.example</div>');
		expect(welcome.subject).toBe('Welcome to Acme Portal');
	});

	test('A template branches on the mail’s language, and is given the mail as worded in it', async () => {
		await write(
			'portal-welcome.liquid',
			'<title>{% if language == "de" %}Hallo{% else %}Hi{% endif %} {{ name }}</title><p>{{ mail.heading }}</p>',
		);
		const welcome = (language: 'en' | 'de') =>
			withTeamTemplate(
				welcomeMail(branding, { language, name: 'Zoë', portalUrl: 'https://x.example/portal/', email: 'z@x.example' }),
				folder,
			);
		const [german, english] = await Promise.all([welcome('de'), welcome('en')]);
		expect(german.subject).toBe('Hallo Zoë');
		expect(german.html).toContain('<p>Willkommen, Zoë</p>');
		expect(english.subject).toBe('Hi Zoë');
		expect(english.html).toContain('<p>Welcome, Zoë</p>');
	});

	test('The sign-in link’s placeholder comes through, so the outbox can put the link in as it sends', async () => {
		await write(
			'portal-invitation.liquid',
			'<a href="{{ link }}">Set my password</a> until {{ expiresAt | date: "%Y-%m-%d" }}',
		);
		const mail = await withTeamTemplate(
			invitationMail(branding, {
				language: 'en',
				name: 'Zoë',
				customer: 'Acme',
				link: linkPlaceholder,
				expiresAt: new Date('2030-01-02T12:00:00Z'),
			}),
			folder,
		);
		expect(mail.html).toContain(`href="${escapeHtml(linkPlaceholder)}"`);
		expect(mail.html).toContain('until 2030-01-02');
		expect(mail.text).toContain(linkPlaceholder);
	});

	test('A template that does not render leaves the portal’s own mail; the doctor names it, and a file named for no mail', async () => {
		await write('portal-ticket-reply.liquid', '{{ reply | no_such_filter }}');
		await write('portal-layout.liquid', '{% if mail.heading %}unclosed');
		await write('portal-ticket-replies.liquid', '{{ reply }}');
		await write('portal-welcome.txt.liquid', '{{ email }}');
		await write('password-reset.liquid', 'Directus’s own, not the portal’s');
		const mail = reply();
		expect(await withTeamTemplate(mail, folder)).toBe(mail);
		const findings = await checkMailTemplates(folder);
		expect(findings.map((finding) => `${finding.severity}:${finding.id}`).sort()).toEqual([
			'warning:mail-template-portal-layout.liquid',
			'warning:mail-template-portal-ticket-reply.liquid',
			'warning:mail-template-unknown-portal-ticket-replies.liquid',
		]);
		expect(findings.find((finding) => finding.id === 'mail-template-portal-ticket-reply.liquid')?.problem).toMatch(
			/does not render for the "ticket-reply" mail \(.*no_such_filter/,
		);
	});

	test('Templates that render are not reported; no folder is no finding', async () => {
		await write('portal-layout.liquid', '<p>{{ mail.heading }}</p>{% for p in mail.paragraphs %}{{ p }}{% endfor %}');
		expect(await checkMailTemplates(folder)).toEqual([]);
		expect(await checkMailTemplates(join(folder, 'not-there'))).toEqual([]);
	});

	test('Every portal mail has a name of its own for its template', () => {
		const names = sampleMails(branding, 'en').map((mail) => mail.template?.name);
		expect(names).toEqual([
			'invitation',
			'welcome',
			'request-received',
			'already-registered',
			'sign-up-not-possible',
			'ticket-reply',
			'ticket-status',
			'ticket-added',
			'login-suspended',
			'password-changed',
			'mail-not-taken',
			'staff-notice',
			'password-reset',
		]);
	});

	test('The folder is Directus’s: EMAIL_TEMPLATES_PATH, else ./templates where Directus runs', () => {
		expect(mailTemplatesFolder({ EMAIL_TEMPLATES_PATH: '/srv/mail' })).toBe('/srv/mail');
		expect(mailTemplatesFolder({})).toBe(join(process.cwd(), 'templates'));
	});
});
