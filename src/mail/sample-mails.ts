/**
 * One of each portal mail with made-up values, in `language`: what the doctor renders a team's templates with (in
 * every language), to find those that do not render before a contact's mail needs them.
 */
import type { PortalLanguage } from '../i18n/languages.ts';
import { linkPlaceholder } from './outbox.ts';
import {
	accountMail,
	alreadyRegisteredMail,
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
	welcomeMail,
} from './portal-mails.ts';

export function sampleMails(branding: MailBranding, language: PortalLanguage): RenderedMail[] {
	const portalUrl = 'https://support.example.com/portal/';
	const ticket = {
		language,
		name: 'Ana Rivera',
		ticket: 42,
		subject: 'Printer offline',
		link: `${portalUrl}tickets/42`,
	};
	const unsubscribe = `${portalUrl}unsubscribe?token=sample`;
	return [
		invitationMail(branding, {
			language,
			name: 'Ana Rivera',
			customer: 'Example Ltd',
			link: linkPlaceholder,
			expiresAt: new Date('2030-01-01T12:00:00Z'),
		}),
		welcomeMail(branding, { language, name: 'Ana Rivera', portalUrl, email: 'ana@example.com' }),
		requestReceivedMail(branding, { ...ticket, loginLink: null, portalUrl }),
		alreadyRegisteredMail(branding, { language, name: 'Ana Rivera', email: 'ana@example.com', resetLink: portalUrl }),
		signUpNotPossibleMail(branding, { language, email: 'ana@example.org', requestUrl: `${portalUrl}request` }),
		ticketReplyMail(branding, {
			...ticket,
			author: { name: 'Sam Support' },
			reply: 'It works again.\n\nThank you for waiting.',
			unsubscribe,
			answerable: true,
		}),
		ticketStatusMail(branding, { ...ticket, state: 'pending', unsubscribe, answerable: true }),
		ticketAddedMail(branding, { ...ticket, by: { name: 'Sam Support' }, unsubscribe, answerable: true }),
		accountMail(branding, { language, name: 'Ana Rivera', event: 'login_suspended', portalUrl, unsubscribe }),
		accountMail(branding, { language, name: 'Ana Rivera', event: 'password_changed', portalUrl, unsubscribe }),
		mailNotTakenMail(branding, { language, subject: 'Printer offline', reason: 'no_ticket', portalUrl }),
		staffNoticeMail(branding, {
			language,
			activity: 'replied',
			from: 'Ana Rivera',
			customer: 'Example Ltd',
			ticketSubject: 'Printer offline',
			excerpt: 'It is offline again.',
			link: 'https://support.example.com/admin/content/tickets/42',
		}),
		passwordResetMail(branding, { language, name: 'Ana Rivera', url: `${portalUrl}reset-password?token=sample` }),
	];
}
