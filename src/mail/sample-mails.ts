/**
 * One of each portal mail with made-up values: what the doctor renders a team's templates with, to find those
 * that do not render before a contact's mail needs them.
 */
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
	ticketReplyMail,
	ticketStatusMail,
	welcomeMail,
} from './portal-mails.ts';

export function sampleMails(branding: MailBranding): RenderedMail[] {
	const portalUrl = 'https://support.example.com/portal/';
	const ticket = { name: 'Ana Rivera', ticket: 42, subject: 'Printer offline', link: `${portalUrl}tickets/42` };
	const unsubscribe = `${portalUrl}unsubscribe?token=sample`;
	return [
		invitationMail(branding, {
			name: 'Ana Rivera',
			customer: 'Example Ltd',
			link: linkPlaceholder,
			expiresAt: new Date('2030-01-01T12:00:00Z'),
		}),
		welcomeMail(branding, { name: 'Ana Rivera', portalUrl, email: 'ana@example.com' }),
		requestReceivedMail(branding, { ...ticket, loginLink: null, portalUrl }),
		alreadyRegisteredMail(branding, { name: 'Ana Rivera', email: 'ana@example.com', resetLink: portalUrl }),
		signUpNotPossibleMail(branding, { email: 'ana@example.org', requestUrl: `${portalUrl}request` }),
		ticketReplyMail(branding, {
			...ticket,
			author: 'Sam Support',
			reply: 'It works again.\n\nThank you for waiting.',
			unsubscribe,
			answerable: true,
		}),
		ticketStatusMail(branding, { ...ticket, state: 'pending', unsubscribe, answerable: true }),
		accountMail(branding, { name: 'Ana Rivera', event: 'login_suspended', portalUrl, unsubscribe }),
		accountMail(branding, { name: 'Ana Rivera', event: 'password_changed', portalUrl, unsubscribe }),
		mailNotTakenMail(branding, { subject: 'Printer offline', reason: 'no_ticket', portalUrl }),
		staffNoticeMail(branding, {
			subject: 'Ana Rivera (Example Ltd) replied to the ticket: Printer offline',
			excerpt: 'It is offline again.',
			link: 'https://support.example.com/admin/content/tickets/42',
		}),
		passwordResetMail(branding, { name: 'Ana Rivera', url: `${portalUrl}reset-password?token=sample` }),
	];
}
