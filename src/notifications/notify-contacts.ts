/**
 * Contacts hear by e-mail of what staff do on the tickets they follow (the requester and every
 * participant, as `ticket_followers` keeps them): a public reply, and a ticket that now waits on them or
 * is resolved. Each mail goes through the outbox, carries a signed one-click unsubscribe for its kind, and
 * is not sent to a contact who turned that kind off, who has no address, is inactive, or wrote the reply.
 */
import type { ContactKey } from '../access/contact-access-fields.ts';
import { fieldOf } from '../compiler/mapped-fields.ts';
import type { DataMap } from '../data-map/data-map.ts';
import type { ItemKey } from '../data-map/item-key.ts';
import type { DirectusContext } from '../directus/directus-context.ts';
import { displayName } from '../invitations/display-name.ts';
import { readContacts } from '../invitations/read-contacts.ts';
import { fetchMailBranding } from '../mail/fetch-mail-branding.ts';
import { type OutboxContext, queueMail } from '../mail/outbox.ts';
import { accountMail, ticketReplyMail, ticketStatusMail } from '../mail/portal-mails.ts';
import type { ContactNotificationKind } from './contact-notification-kinds.ts';
import { contactsOptedOut } from './contact-preferences.ts';
import { unsubscribeToken } from './unsubscribe-token.ts';

export type StaffActivity =
	| { kind: 'replied'; ticket: ItemKey; reply: string; author: string | null; authorContact: ContactKey | null }
	| { kind: 'status'; ticket: ItemKey; state: 'pending' | 'resolved' };

/** The contacts who follow `ticket`: its followers where the map keeps them, else its requester. */
async function followersOf(context: DirectusContext, map: DataMap, ticket: ItemKey): Promise<ContactKey[]> {
	const { tickets, ticket_followers: followers } = map;
	if (!tickets) return [];
	if (followers) {
		const rows = (await context
			.knex(followers.collection)
			.distinct({ contact: fieldOf(followers, 'contact') })
			.where(fieldOf(followers, 'ticket'), ticket)) as { contact: ContactKey }[];
		return rows.map((row) => row.contact);
	}
	const row = (await context
		.knex(tickets.collection)
		.select({ contact: fieldOf(tickets, 'requester') })
		.where(fieldOf(tickets, 'id'), ticket)
		.first()) as { contact: ContactKey | null } | undefined;
	return row?.contact != null ? [row.contact] : [];
}

async function staffName(context: DirectusContext, user: string | null): Promise<string> {
	if (!user) return 'The service team';
	const row = (await context.knex('directus_users').select('first_name', 'last_name').where('id', user).first()) as
		{ first_name: string | null; last_name: string | null } | undefined;
	const name = [row?.first_name, row?.last_name].filter(Boolean).join(' ').trim();
	return name || 'The service team';
}

/** Queues the mails of one staff activity; answers the addresses mailed. */
export async function notifyContacts(
	context: DirectusContext,
	outbox: OutboxContext,
	{ map, publicUrl }: { map: DataMap; publicUrl: string },
	activity: StaffActivity,
): Promise<string[]> {
	const { tickets, contacts } = map;
	if (!tickets) return [];
	const ticket = (await context
		.knex(tickets.collection)
		.select({ subject: fieldOf(tickets, 'subject') })
		.where(fieldOf(tickets, 'id'), activity.ticket)
		.first()) as { subject: string | null } | undefined;
	if (!ticket) return [];
	const kind: ContactNotificationKind = activity.kind === 'replied' ? 'replies' : 'status';
	const authorKey =
		activity.kind === 'replied' && activity.authorContact != null ? String(activity.authorContact) : null;
	const keys = (await followersOf(context, map, activity.ticket)).filter((key) => String(key) !== authorKey);
	const optedOut = await contactsOptedOut(context.knex, keys, kind);
	const recipients = (await readContacts(context.knex, contacts, { keys })).filter(
		(contact) => contact.email && contact.status === 'active' && !optedOut.has(String(contact.id).toLowerCase()),
	);
	if (recipients.length === 0) return [];

	const branding = await fetchMailBranding(context);
	const subject = ticket.subject?.trim() || `Ticket ${String(activity.ticket)}`;
	const link = `${publicUrl}/portal/tickets/${encodeURIComponent(String(activity.ticket))}`;
	const author = activity.kind === 'replied' ? await staffName(context, activity.author) : '';
	const mailed: string[] = [];
	for (const contact of recipients) {
		const email = contact.email as string;
		const token = unsubscribeToken(outbox.secret, contact.id, kind);
		const unsubscribe = `${publicUrl}/portal/unsubscribe?token=${token}`;
		const common = { name: displayName(contact), ticket: activity.ticket, subject, link, unsubscribe };
		const mail =
			activity.kind === 'replied'
				? ticketReplyMail(branding, { ...common, author, reply: activity.reply })
				: ticketStatusMail(branding, { ...common, state: activity.state });
		await queueMail(outbox, {
			kind: activity.kind === 'replied' ? 'ticket_reply' : 'ticket_status',
			to: email,
			mail,
			// RFC 8058: a mail client's own "unsubscribe" posts to this address, without opening a page.
			headers: {
				'List-Unsubscribe': `<${publicUrl}/portal/api/unsubscribe?token=${token}>`,
				'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
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
	{ contact: key, event }: { contact: ContactKey; event: 'password_changed' },
): Promise<boolean> {
	const [contact] = await readContacts(context.knex, map.contacts, { keys: [key] });
	if (!contact?.email || (await contactsOptedOut(context.knex, [key], 'account')).size > 0) return false;
	const token = unsubscribeToken(outbox.secret, contact.id, 'account');
	await queueMail(outbox, {
		kind: 'account',
		to: contact.email,
		mail: accountMail(await fetchMailBranding(context), {
			name: displayName(contact),
			event,
			portalUrl: `${publicUrl}/portal/`,
			unsubscribe: `${publicUrl}/portal/unsubscribe?token=${token}`,
		}),
		headers: {
			'List-Unsubscribe': `<${publicUrl}/portal/api/unsubscribe?token=${token}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
		},
	});
	return true;
}
