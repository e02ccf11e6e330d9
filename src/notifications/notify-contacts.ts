/**
 * Contacts hear by e-mail of what happens on the tickets they follow (the requester and every
 * participant, as `ticket_followers` keeps them): a public reply (staff's, or a colleague's), and a ticket
 * that now waits on them or is resolved; that someone added them to a ticket; and of changes to their own login. Each mail goes through the outbox, carries a signed one-click unsubscribe for its kind, and
 * is not sent to a contact who turned that kind off, who has no address, is inactive, or wrote the reply. Each
 * contact's mail is in their own language (`portalLanguageOf`); a reply's words stay as written.
 */
import { serviceTeamName, type StaffNameStyle } from '../conversation/staff-display-name.ts';
import { staffShownAs } from '../conversation/staff-shown-as.ts';
import { fetchPortalSettings } from '../settings/fetch-portal-settings.ts';
import type { ContactKey } from '../access/contact-access-fields.ts';
import { fieldOf } from '../compiler/mapped-fields.ts';
import type { DataMap } from '../data-map/data-map.ts';
import type { ItemKey } from '../data-map/item-key.ts';
import type { DirectusContext } from '../directus/directus-context.ts';
import { displayName } from '../invitations/display-name.ts';
import { readContacts } from '../invitations/read-contacts.ts';
import { fetchMailBranding } from '../mail/fetch-mail-branding.ts';
import { fetchPortalLanguages } from '../i18n/fetch-portal-languages.ts';
import { type OutboxContext, queueMail } from '../mail/outbox.ts';
import {
	type AccountEvent,
	accountMail,
	type ReplyAuthor,
	ticketAddedMail,
	ticketReplyMail,
	ticketStatusMail,
} from '../mail/portal-mails.ts';
import type { ContactNotificationKind } from './contact-notification-kinds.ts';
import { contactsOptedOut } from './contact-preferences.ts';
import { unsubscribeToken } from './unsubscribe-token.ts';
import { followersOf } from './followers-of.ts';
import { type MailThread, threadMessageId, threadReplyAddress } from '../inbound/thread-token.ts';

/** Whether contacts can answer ticket mails by replying, and the address replies go to. */
export interface MailReplies {
	enabled: boolean;
	supportAddress: string | null;
}

/**
 * The headers that thread a ticket mail: the thread in its Message-ID (and Reply-To where there is a
 * support address), all of a ticket's mails grouped by References, and marks that it was sent by a
 * machine (RFC 3834, so out-of-office responders stay quiet) and by the portal (so it is never taken back in).
 */
function threadHeaders(secret: string, publicUrl: string, replies: MailReplies, thread: MailThread) {
	const host = URL.canParse(publicUrl) ? new URL(publicUrl).hostname : 'customer-portal.invalid';
	const ticketId = `<portal-ticket.${Buffer.from(String(thread.ticket)).toString('hex')}@${host}>`;
	return {
		'Message-ID': threadMessageId(secret, thread, host),
		'References': ticketId,
		'In-Reply-To': ticketId,
		...(replies.enabled && replies.supportAddress
			? { 'Reply-To': threadReplyAddress(secret, thread, replies.supportAddress) }
			: {}),
		'Auto-Submitted': 'auto-generated',
		'X-Customer-Portal': 'ticket',
	};
}

/** The portal states a ticket moves into that its contacts are told of. */
export const toldStates = ['pending', 'resolved'] as const;
export type ToldState = (typeof toldStates)[number];

export function isToldState(value: unknown): value is ToldState {
	return toldStates.includes(value as ToldState);
}

export type TicketActivity =
	| {
			kind: 'replied';
			ticket: ItemKey;
			reply: string;
			author: string | null;
			authorContact: ContactKey | null;
			/** The state the reply moved the ticket into in the same step (a staff reply), told in the reply's mail. */
			state?: ToldState | null;
			/** The names of the files attached with the reply. */
			attachments?: readonly string[];
	  }
	| { kind: 'status'; ticket: ItemKey; state: ToldState };

/**
 * A contact's unsubscribe for one kind: the portal page that asks first (in the mail's footer), and the
 * RFC 8058 headers with which a mail client's own "unsubscribe" posts to the API, without opening a page.
 */
function unsubscribeLinks(publicUrl: string, secret: string, contact: ContactKey, kind: ContactNotificationKind) {
	const token = unsubscribeToken(secret, contact, kind);
	return {
		page: `${publicUrl}/portal/unsubscribe?token=${token}`,
		headers: {
			'List-Unsubscribe': `<${publicUrl}/portal/api/unsubscribe?token=${token}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
		},
	};
}

/** A staff member's name as contacts read it: the one they chose, else in the portal settings' style. */
async function staffName(context: DirectusContext, user: string | null, style: StaffNameStyle): Promise<ReplyAuthor> {
	const name = user ? (await staffShownAs(context, user, style)).shown_as : serviceTeamName;
	return name === serviceTeamName ? { unnamed: 'service_team' } : { name };
}

/** Who wrote a reply, as its readers are told: the contact whose words it is, else the staff member. */
async function authorName(
	context: DirectusContext,
	map: DataMap,
	{ author, authorContact }: { author: string | null; authorContact: ContactKey | null },
	staffNames: StaffNameStyle,
): Promise<ReplyAuthor> {
	if (authorContact === null) return staffName(context, author, staffNames);
	const [contact] = await readContacts(context.knex, map.contacts, { keys: [authorContact] });
	return contact ? { name: displayName(contact) } : { unnamed: 'colleague' };
}

/**
 * Queues the mails of one activity on a ticket; answers the addresses mailed. A reply that also moved the ticket
 * into a told state is one mail, the reply's, naming the state, for each follower who gets replies; a follower who
 * turned replies off but not status mails gets the status mail alone, and one who turned both off gets nothing.
 */
export async function notifyContacts(
	context: DirectusContext,
	outbox: OutboxContext,
	{ map, publicUrl, replies }: { map: DataMap; publicUrl: string; replies: MailReplies },
	activity: TicketActivity,
): Promise<string[]> {
	const { tickets, contacts } = map;
	if (!tickets) return [];
	const ticket = (await context
		.knex(tickets.collection)
		.select({ subject: fieldOf(tickets, 'subject'), requester: fieldOf(tickets, 'requester') })
		.where(fieldOf(tickets, 'id'), activity.ticket)
		.first()) as { subject: string | null; requester: unknown } | undefined;
	if (!ticket) return [];
	const authorKey =
		activity.kind === 'replied' && activity.authorContact != null ? String(activity.authorContact) : null;
	const state = activity.state ?? null;
	const keys = (await followersOf(context, map, activity.ticket)).filter((key) => String(key) !== authorKey);
	const noReplies = activity.kind === 'replied' ? await contactsOptedOut(context.knex, keys, 'replies') : null;
	const noStatus = state ? await contactsOptedOut(context.knex, keys, 'status') : null;
	/** The kind of mail a contact gets of this activity, or null. */
	const kindFor = (contact: ContactKey): ContactNotificationKind | null => {
		const key = String(contact).toLowerCase();
		if (noReplies && !noReplies.has(key)) return 'replies';
		if (noStatus && !noStatus.has(key)) return 'status';
		return null;
	};
	const recipients = (await readContacts(context.knex, contacts, { keys })).filter(
		(contact) => contact.email && contact.status === 'active' && kindFor(contact.id) !== null,
	);
	if (recipients.length === 0) return [];

	const settings = await fetchPortalSettings(context);
	const branding = await fetchMailBranding(context, settings);
	const subject = ticket.subject?.trim() || `Ticket ${String(activity.ticket)}`;
	const link = `${publicUrl}/portal/tickets/${encodeURIComponent(String(activity.ticket))}`;
	// Read once for every recipient (a status mail names no author).
	const author: ReplyAuthor =
		activity.kind === 'replied'
			? await authorName(context, map, activity, settings.staff_names)
			: { unnamed: 'service_team' };
	const languageOf = await fetchPortalLanguages(
		context.knex,
		recipients.map((contact) => contact.user),
		branding.projectLanguage,
	);
	const mailed: string[] = [];
	for (const contact of recipients) {
		const email = contact.email as string;
		const kind = kindFor(contact.id) as ContactNotificationKind;
		const { page: unsubscribe, headers } = unsubscribeLinks(publicUrl, outbox.secret, contact.id, kind);
		const common = {
			language: languageOf(contact.user),
			name: displayName(contact),
			ticket: activity.ticket,
			subject,
			link,
			unsubscribe,
			answerable: replies.enabled,
			// Only the requester rates a ticket (src/ratings/assert-ratable.ts); asked once it is resolved.
			askRating: String(contact.id) === String(ticket.requester),
		};
		const mail =
			activity.kind === 'replied' && kind === 'replies'
				? ticketReplyMail(branding, {
						...common,
						author,
						reply: activity.reply,
						state,
						attachments: activity.attachments ?? [],
					})
				: ticketStatusMail(branding, { ...common, state: state as ToldState });
		await queueMail(outbox, {
			kind: kind === 'replies' ? 'ticket_reply' : 'ticket_status',
			to: email,
			mail,
			headers: {
				...headers,
				...threadHeaders(outbox.secret, publicUrl, replies, { ticket: activity.ticket, contact: contact.id }),
			},
		});
		mailed.push(email);
	}
	return mailed;
}

/** Tells a contact of a change to their login (unless they turned account mail off); answers whether it did. */
export async function notifyAccountEvent(
	context: DirectusContext,
	outbox: OutboxContext,
	{ map, publicUrl }: { map: DataMap; publicUrl: string },
	{ contact: key, event }: { contact: ContactKey; event: AccountEvent },
): Promise<boolean> {
	const [contact] = await readContacts(context.knex, map.contacts, { keys: [key] });
	if (!contact?.email || (await contactsOptedOut(context.knex, [key], 'account')).size > 0) return false;
	const { page: unsubscribe, headers } = unsubscribeLinks(publicUrl, outbox.secret, contact.id, 'account');
	const branding = await fetchMailBranding(context);
	const languageOf = await fetchPortalLanguages(context.knex, [contact.user], branding.projectLanguage);
	await queueMail(outbox, {
		kind: 'account',
		to: contact.email,
		mail: accountMail(branding, {
			language: languageOf(contact.user),
			name: displayName(contact),
			event,
			portalUrl: `${publicUrl}/portal/`,
			unsubscribe,
		}),
		headers,
	});
	return true;
}

/**
 * Tells a contact a colleague added to a ticket (unless they turned those mails off, or added themselves), naming the
 * colleague. Answers whether it did.
 */
export async function notifyAddedToTicket(
	context: DirectusContext,
	outbox: OutboxContext,
	{ map, publicUrl, replies }: { map: DataMap; publicUrl: string; replies: MailReplies },
	added: { ticket: ItemKey; contact: ContactKey; byContact: ContactKey },
): Promise<boolean> {
	const { tickets } = map;
	if (!tickets || String(added.contact) === String(added.byContact)) return false;
	const ticket = (await context
		.knex(tickets.collection)
		.select({ subject: fieldOf(tickets, 'subject') })
		.where(fieldOf(tickets, 'id'), added.ticket)
		.first()) as { subject: string | null } | undefined;
	const [contact] = await readContacts(context.knex, map.contacts, { keys: [added.contact] });
	if (!ticket || !contact?.email || contact.status !== 'active') return false;
	if ((await contactsOptedOut(context.knex, [added.contact], 'added')).size > 0) return false;
	const settings = await fetchPortalSettings(context);
	const branding = await fetchMailBranding(context, settings);
	const by = await authorName(context, map, { author: null, authorContact: added.byContact }, settings.staff_names);
	const languageOf = await fetchPortalLanguages(context.knex, [contact.user], branding.projectLanguage);
	const { page: unsubscribe, headers } = unsubscribeLinks(publicUrl, outbox.secret, contact.id, 'added');
	await queueMail(outbox, {
		kind: 'ticket_added',
		to: contact.email,
		mail: ticketAddedMail(branding, {
			language: languageOf(contact.user),
			name: displayName(contact),
			ticket: added.ticket,
			subject: ticket.subject?.trim() || `Ticket ${String(added.ticket)}`,
			by,
			link: `${publicUrl}/portal/tickets/${encodeURIComponent(String(added.ticket))}`,
			unsubscribe,
			answerable: replies.enabled,
		}),
		headers: {
			...headers,
			...threadHeaders(outbox.secret, publicUrl, replies, { ticket: added.ticket, contact: contact.id }),
		},
	});
	return true;
}
