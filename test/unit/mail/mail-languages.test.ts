import { describe, expect, test } from 'vitest';
import { type PortalLanguage, portalLanguages } from '../../../src/i18n/languages.ts';
import {
	escapeHtml,
	invitationMail,
	type MailBranding,
	mailNotTakenMail,
	passwordResetMail,
	type RenderedMail,
	requestReceivedMail,
	signUpNotPossibleMail,
	staffNoticeMail,
	ticketAddedMail,
	ticketReplyMail,
	ticketStatusMail,
} from '../../../src/mail/portal-mails.ts';
import { sampleMails } from '../../../src/mail/sample-mails.ts';

const branding: MailBranding = { portalName: 'Acme Portal', accentColor: '#123456' };
const portalUrl = 'https://support.example.com/portal/';
const unsubscribe = `${portalUrl}unsubscribe?token=sample`;
/** What staff and contacts wrote in the samples: it goes into every language's mail as written. */
const written = ['It works again.', 'Thank you for waiting.', 'It is offline again.'];

/** Every portal mail in `language`, each branch its wording takes included (the samples take one each). */
function everyMail(language: PortalLanguage): RenderedMail[] {
	const ticket = {
		language,
		name: 'Ana Rivera',
		ticket: 42,
		subject: 'Printer offline',
		link: `${portalUrl}tickets/42`,
	};
	return [
		...sampleMails(branding, language),
		invitationMail(branding, {
			language,
			name: 'Ana Rivera',
			customer: null,
			link: 'https://x.example/accept',
			expiresAt: new Date('2030-01-01T12:00:00Z'),
		}),
		requestReceivedMail(branding, { ...ticket, loginLink: 'https://x.example/login', portalUrl: null }),
		requestReceivedMail(branding, { ...ticket, loginLink: null, portalUrl: null }),
		signUpNotPossibleMail(branding, { language, email: 'ana@example.org', requestUrl: null }),
		ticketReplyMail(branding, { ...ticket, author: { unnamed: 'service_team' }, reply: 'Done.', unsubscribe }),
		ticketReplyMail(branding, { ...ticket, author: { unnamed: 'colleague' }, reply: 'Done.', unsubscribe }),
		ticketStatusMail(branding, { ...ticket, state: 'resolved', unsubscribe, answerable: true }),
		ticketAddedMail(branding, { ...ticket, by: { unnamed: 'service_team' }, unsubscribe }),
		mailNotTakenMail(branding, { language, subject: '', reason: 'registered_only', portalUrl }),
		mailNotTakenMail(branding, { language, subject: 'Printer', reason: 'not_allowed', portalUrl }),
		staffNoticeMail(branding, {
			language,
			activity: 'opened',
			from: null,
			customer: null,
			ticketSubject: 'Printer offline',
			excerpt: '',
			link: 'https://support.example.com/admin/content/tickets/42',
		}),
		passwordResetMail(branding, { language, name: null, url: `${portalUrl}reset-password?token=sample` }),
	];
}

/** The sentences of a mail's text that are its own words: not what someone wrote, not a link, not the signature. */
function sentencesOf(mail: RenderedMail): string[] {
	return mail.text
		.split('\n')
		.filter((line) => line.trim() !== '' && !line.startsWith('— ') && !written.includes(line))
		.flatMap((line) => line.split(/(?<=[.:;!?])\s+/))
		.filter((sentence) => !/^https?:\/\//.test(sentence) && sentence.split(' ').length >= 3);
}

describe('Mails in German', () => {
	const english = everyMail('en');
	const german = everyMail('de');

	test('Each mail has a German subject and heading', () => {
		const worded = german
			.slice(0, 13)
			.map((mail) => [
				mail.template?.name,
				mail.subject,
				(mail.template?.values['mail'] as { heading: string }).heading,
			]);
		expect(worded).toEqual([
			['invitation', 'Ihre Einladung zu Acme Portal', 'Guten Tag Ana Rivera,'],
			['welcome', 'Willkommen bei Acme Portal', 'Willkommen, Ana Rivera'],
			['request-received', 'Ihre Anfrage #42 ist bei uns eingegangen: Printer offline', 'Vielen Dank, Ana Rivera'],
			['already-registered', 'Sie haben bereits einen Zugang zu Acme Portal', 'Guten Tag Ana Rivera,'],
			['sign-up-not-possible', 'Zu Ihrer Anfrage nach einem Zugang zu Acme Portal', 'Guten Tag,'],
			// A ticket's mails keep its own subject behind the number, in every language, for threading and replies.
			['ticket-reply', '[#42] Printer offline', 'Sam Support hat auf „Printer offline“ geantwortet'],
			['ticket-status', '[#42] Wartet auf Ihre Antwort: Printer offline', 'Guten Tag Ana Rivera,'],
			['ticket-added', '[#42] Sie wurden hinzugefügt: Printer offline', 'Guten Tag Ana Rivera,'],
			['login-suspended', 'Ihr Zugang zu Acme Portal wurde gesperrt', 'Guten Tag Ana Rivera,'],
			['password-changed', 'Ihr Passwort für Acme Portal wurde geändert', 'Guten Tag Ana Rivera,'],
			['mail-not-taken', 'Nicht an den Service-Desk zugestellt: Printer offline', 'Ihre E-Mail wurde nicht übernommen'],
			[
				'staff-notice',
				'Ana Rivera (Example Ltd) hat auf das Ticket geantwortet: Printer offline',
				'Ana Rivera (Example Ltd) hat auf das Ticket geantwortet: Printer offline',
			],
			['password-reset', 'Passwort für Acme Portal zurücksetzen', 'Guten Tag Ana Rivera,'],
		]);
		expect(german.slice(13).map((mail) => mail.subject)).toEqual([
			'Ihre Einladung zu Acme Portal',
			'Ihre Anfrage #42 ist bei uns eingegangen: Printer offline',
			'Ihre Anfrage #42 ist bei uns eingegangen: Printer offline',
			'Zu Ihrer Anfrage nach einem Zugang zu Acme Portal',
			'[#42] Printer offline',
			'[#42] Printer offline',
			'[#42] Gelöst: Printer offline',
			'[#42] Sie wurden hinzugefügt: Printer offline',
			'Nicht an den Service-Desk zugestellt: (kein Betreff)',
			'Nicht an den Service-Desk zugestellt: Printer',
			'Ein Kontakt hat ein Ticket eröffnet: Printer offline',
			'Passwort für Acme Portal zurücksetzen',
		]);
	});

	test('No German mail keeps a sentence of its English version, in its text or its HTML', () => {
		expect(german).toHaveLength(english.length);
		english.forEach((mail, index) => {
			const sentences = sentencesOf(mail);
			expect(sentences.length, mail.template?.name).toBeGreaterThan(0);
			const inGerman = german[index] as RenderedMail;
			for (const sentence of sentences) {
				expect(inGerman.text, mail.template?.name).not.toContain(sentence);
				expect(inGerman.html, mail.template?.name).not.toContain(escapeHtml(sentence));
			}
		});
	});

	test('What staff or a contact wrote stays as written', () => {
		const reply = german.find((mail) => mail.template?.name === 'ticket-reply');
		expect(reply?.text).toContain('It works again.\n\nThank you for waiting.');
		expect(german.find((mail) => mail.template?.name === 'staff-notice')?.text).toContain('It is offline again.');
	});

	test('Dates, the reply line, the unsubscribe link and the page language are German', () => {
		const [invitation] = german;
		expect(invitation?.text).toContain('bis zum 1. Januar 2030 um 12:00 UTC gültig');
		expect(invitation?.html).toContain('<html lang="de">');
		const reply = german.find((mail) => mail.template?.name === 'ticket-reply');
		expect(reply?.text.split('\n')[0]).toBe('##- Bitte geben Sie Ihre Antwort oberhalb dieser Zeile ein -##');
		expect(reply?.text).toContain(`Diese E-Mails abbestellen: ${unsubscribe}`);
		expect(reply?.html).toContain('Falls die Schaltfläche nicht funktioniert');
		expect(english[0]?.text).toContain('works until 1 January 2030 at 12:00 UTC');
	});

	test('A team’s template is told the mail’s language', () => {
		for (const language of portalLanguages)
			for (const mail of everyMail(language)) expect(mail.template?.values['language']).toBe(language);
	});
});
