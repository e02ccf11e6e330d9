import type { ContactKey } from '../access/contact-access-fields.ts';
import { fieldOf } from '../compiler/mapped-fields.ts';
import { fetchCustomerName } from '../customers/fetch-customer-name.ts';
import { adminService, type DirectusContext } from '../directus/directus-context.ts';
import { isTrue } from '../directus/is-true.ts';
import { fetchMailBranding } from '../mail/fetch-mail-branding.ts';
import { type OutboxContext, queueMail } from '../mail/outbox.ts';
import { portalLanguageOf } from '../i18n/languages.ts';
import { type StaffNoticeAbout, staffNoticeMail, staffNoticeSubject } from '../mail/portal-mails.ts';
import type { ItemKey } from '../data-map/item-key.ts';
import { displayName } from '../invitations/display-name.ts';
import { readContacts } from '../invitations/read-contacts.ts';
import type { DataMap } from '../data-map/data-map.ts';
import type { PortalSettingsRecord } from '../access/portal-records.ts';
import { staffToNotify } from './staff-to-notify.ts';

/** What a contact did that staff hear of. */
export type ContactActivity =
	| { kind: 'opened'; ticket: ItemKey; contact: ContactKey }
	| { kind: 'replied'; ticket: ItemKey; contact: ContactKey; reply: string }
	| { kind: 'rated_bad'; ticket: ItemKey; contact: ContactKey; comment: string | null };

/** The contact's own words a notice quotes: a reply's, or a bad rating's comment. */
function wordsOf(activity: ContactActivity): string {
	if (activity.kind === 'replied') return activity.reply;
	return activity.kind === 'rated_bad' ? (activity.comment ?? '') : '';
}

/** How much of a reply a notification quotes. */
const excerptLength = 500;

/** Text as a Markdown paragraph that renders as written: no heading, link, image or HTML of the contact's making. */
function literal(text: string): string {
	return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (character) => `\\${character}`);
}

/**
 * Tells staff (`staffToNotify`) in Directus's own notifications — the studio's bell — and, where the user keeps
 * e-mail notifications on, by a mail through the outbox, that a contact opened a ticket, replied to one or rated
 * one bad (quoting their comment), with a
 * link to the ticket, each in the staff member's own Directus language (`portalLanguageOf`); the contact's words
 * as written. Runs as the product; returns who was told.
 */
export async function notifyStaff(
	context: DirectusContext,
	{
		map,
		settings,
		outbox,
		publicUrl,
	}: { map: DataMap; settings: PortalSettingsRecord; outbox: OutboxContext; publicUrl: string },
	activity: ContactActivity,
): Promise<string[]> {
	const { tickets, contacts } = map;
	if (!tickets) return [];
	const assigneeField = tickets.fields.assignee;
	const ticket = (await context
		.knex(tickets.collection)
		.select({ subject: fieldOf(tickets, 'subject'), ...(assigneeField ? { assignee: assigneeField } : {}) })
		.where(fieldOf(tickets, 'id'), activity.ticket)
		.first()) as { subject: string | null; assignee?: string | null } | undefined;
	if (!ticket) return [];
	const recipients = await staffToNotify(context.knex, {
		assignee: ticket.assignee ?? null,
		staffPolicy: settings.staff_policy,
		staffRole: settings.notify_role,
		portalRole: settings.portal_role,
	});
	if (recipients.length === 0) return [];

	const [contact] = await readContacts(context.knex, contacts, { keys: [activity.contact] });
	const about: StaffNoticeAbout = {
		activity: activity.kind,
		from: contact ? displayName(contact) : null,
		customer: contact?.customer != null ? await fetchCustomerName(context, contact.customer) : null,
		ticketSubject: ticket.subject?.trim() || `Ticket ${String(activity.ticket)}`,
	};
	const reply = wordsOf(activity);
	const excerpt = reply.length > excerptLength ? `${reply.slice(0, excerptLength)}…` : reply;
	const users = (await context
		.knex('directus_users')
		.select('id', 'email', 'email_notifications', 'language')
		.whereIn('id', recipients)) as {
		id: string;
		email: string | null;
		email_notifications: boolean | number | null;
		language: string | null;
	}[];
	const branding = await fetchMailBranding(context, settings);
	const link = `${publicUrl}/admin/content/${encodeURIComponent(tickets.collection)}/${encodeURIComponent(String(activity.ticket))}`;

	// The rows without Directus's own mail (its NotificationsService sends one at once, once, without retrying):
	// the outbox sends it to those who keep e-mail notifications on, and tries again while the mail server is down.
	const notifications = adminService(context, 'directus_notifications');
	for (const recipient of recipients) {
		const user = users.find((row) => String(row.id) === String(recipient));
		const language = portalLanguageOf(user?.language, branding.projectLanguage);
		const subject = staffNoticeSubject(about, language);
		await notifications.createOne({
			recipient,
			sender: null,
			subject: subject.slice(0, 255),
			message: [literal(subject), ...(excerpt ? [literal(excerpt)] : [])].join('\n\n'),
			collection: tickets.collection,
			item: String(activity.ticket),
		});
		if (user?.email && isTrue(user.email_notifications))
			await queueMail(outbox, {
				kind: 'staff_notice',
				to: user.email,
				mail: staffNoticeMail(branding, { ...about, language, excerpt, link }),
				headers: { 'Auto-Submitted': 'auto-generated', 'X-Customer-Portal': 'staff' },
			});
	}
	return recipients;
}
