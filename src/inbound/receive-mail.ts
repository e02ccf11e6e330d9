/**
 * What becomes of a message to the service desk. In this order: a sender over the hourly limit is
 * refused; mail no person wrote is left alone (`ignoredMailReason`); a message taken before is not taken
 * again. A reply that carries a ticket mail's thread (`thread-token.ts`) from the contact it was sent to
 * becomes that contact's public reply; one from anyone else creates nothing. A new message from a contact
 * whose group may open tickets opens one; from anyone else it follows the access mode: a public request,
 * or a polite refusal (at most one a day, never to a machine). Contacts with a login write through
 * Directus's services as themselves, so their group's permissions decide and the hooks tell staff as for
 * the portal. Every message leaves a row in the inbox.
 */
import type { Accountability } from '@directus/types';
import type { ContactKey } from '../access/contact-access-fields.ts';
import { portalAccountability } from '../access/portal-accountability.ts';
import type { PortalSettingsRecord } from '../access/portal-records.ts';
import { type PortalUser, resolvePortalUser } from '../access/resolve-portal-user.ts';
import { cleanFileName } from '../attachments/clean-file-name.ts';
import { storeTicketAttachment } from '../attachments/store-ticket-attachment.ts';
import { uploadTypes } from '../attachments/upload-types.ts';
import type { DataMap } from '../data-map/data-map.ts';
import type { ItemKey } from '../data-map/item-key.ts';
import { storedAs } from '../data-map/stored-as.ts';
import { adminService, type DirectusContext } from '../directus/directus-context.ts';
import type { ContactRecord } from '../invitations/contact-record-of.ts';
import { readContacts } from '../invitations/read-contacts.ts';
import { fetchMailBranding } from '../mail/fetch-mail-branding.ts';
import { fetchPortalLanguages } from '../i18n/fetch-portal-languages.ts';
import { type OutboxContext, outboxTable, queueMail } from '../mail/outbox.ts';
import { mailNotTakenMail, requestReceivedMail } from '../mail/portal-mails.ts';
import { followersOf } from '../notifications/followers-of.ts';
import { notifyStaff } from '../notifications/notify-staff.ts';
import { filePublicRequest } from '../requests/file-public-request.ts';
import { takesPublicRequests } from '../requests/takes-public-requests.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import { fetchPortalSettings } from '../settings/fetch-portal-settings.ts';
import { type IgnoredMailReason, ignoredMailReason } from './classify-inbound-mail.ts';
import { alreadyAccepted, type InboxEntry, type InboxStatus, receivedFrom, recordInbound } from './inbox.ts';
import type { InboundSettings } from './inbound-settings.ts';
import type { InboundMail } from './read-inbound-mail.ts';
import { writtenText } from './reply-text.ts';
import { isThreadSignature, signaturesInAddresses, threadsInMessageIds, ticketInSubject } from './thread-token.ts';

export interface InboundContext {
	/** As the product: reads, and writes for contacts without a login. */
	directus: DirectusContext;
	outbox: OutboxContext;
	settings: InboundSettings;
	publicUrl: string;
}

export interface InboundResult {
	/** The inbox row; 0 where a sender far over the limit is not even recorded. */
	id: number;
	status: InboxStatus;
	outcome: string;
	ticket: ItemKey | null;
}

const ignoredOutcomes: Record<IgnoredMailReason, string> = {
	'auto-reply': 'Ignored: an automatic reply (out of office or similar).',
	'bounce': 'Ignored: a delivery failure report.',
	'mailing-list': 'Ignored: mailing-list or bulk mail.',
	'loop': 'Ignored: sent by the portal itself (a mail loop).',
	'no-sender': 'Ignored: no sender address.',
};

const hour = 60 * 60_000;

type Thread =
	| { kind: 'none' }
	| { kind: 'found'; ticket: ItemKey; contact: ContactRecord }
	| { kind: 'foreign'; ticket: ItemKey | null };

/** Takes one message; answers what became of it (also recorded in the inbox). */
export async function receiveMail(
	context: InboundContext,
	mail: InboundMail,
	now = new Date(),
): Promise<InboundResult> {
	const { knex } = context.directus;
	const base: Omit<InboxEntry, 'status' | 'outcome'> = {
		sender: mail.from?.address ?? null,
		subject: mail.subject,
		message_id: mail.messageId,
		ticket_key: null,
		contact_key: null,
	};
	const finish = async (
		status: InboxStatus,
		outcome: string,
		about: { ticket?: ItemKey | null; contact?: ContactKey | null } = {},
	): Promise<InboundResult> => {
		const id = await recordInbound(
			knex,
			{
				...base,
				status,
				outcome,
				ticket_key: about.ticket == null ? null : String(about.ticket),
				contact_key: about.contact == null ? null : String(about.contact),
			},
			now,
		);
		return { id, status, outcome, ticket: about.ticket ?? null };
	};

	if (!mail.from) return finish('ignored', ignoredOutcomes['no-sender']);
	// The limit first: whatever a sender's messages are (a responder in a loop too), only so many are even read.
	const sender = mail.from.address;
	const limit = context.settings.limitPerHour;
	const recent = await receivedFrom(knex, sender, new Date(now.getTime() - hour));
	if (recent >= limit) {
		const outcome = `Refused: more than ${limit} messages an hour from this sender.`;
		// A flood is not recorded past twice the limit: the inbox cannot be filled from outside.
		if (recent >= 2 * limit) return { id: 0, status: 'refused', outcome, ticket: null };
		return finish('refused', outcome);
	}
	const ignored = ignoredMailReason(mail, context.settings.ownAddresses);
	if (ignored) return finish('ignored', ignoredOutcomes[ignored]);
	if (await alreadyAccepted(knex, mail.messageId))
		return finish('ignored', 'Ignored: a message with this Message-ID was taken before.');

	const portal = await fetchPortalSettings(context.directus);
	const map = await fetchDataMap(context.directus);
	if (!map.tickets) return finish('refused', 'Refused: the portal’s data map has no tickets.');

	const thread = await findThread(context, map, mail, sender);
	if (thread.kind === 'foreign')
		// Never answered: the sender may be forged, and an answer would go to whoever it names.
		return finish(
			'refused',
			'Refused: it answers a ticket mail, but not from the contact that mail was sent to. Nothing was added.',
			{ ticket: thread.ticket },
		);
	if (thread.kind === 'found') return addReply(context, { map, portal }, thread, mail, finish);
	return openTicket(context, { map, portal }, mail, sender, finish, now);
}

type Finish = (
	status: InboxStatus,
	outcome: string,
	about?: { ticket?: ItemKey | null; contact?: ContactKey | null },
) => Promise<InboundResult>;

const sameKey = (a: unknown, b: unknown) => String(a).toLowerCase() === String(b).toLowerCase();

async function findThread(context: InboundContext, map: DataMap, mail: InboundMail, sender: string): Promise<Thread> {
	const secret = context.outbox.secret;
	const named = threadsInMessageIds(secret, mail.quotedIds);
	const support = context.settings.supportAddress;
	const signatures = support ? signaturesInAddresses(mail.recipients, support) : [];
	if (named.length === 0 && signatures.length === 0) return { kind: 'none' };
	const senders = await readContacts(context.directus.knex, map.contacts, { email: sender });
	for (const thread of named) {
		const contact = senders.find((candidate) => sameKey(candidate.id, thread.contact));
		if (contact) return { kind: 'found', ticket: thread.ticket, contact };
	}
	const ticket = ticketInSubject(mail.subject);
	if (ticket !== null)
		for (const signature of signatures)
			for (const contact of senders)
				if (isThreadSignature(secret, { ticket, contact: contact.id }, signature))
					return { kind: 'found', ticket, contact };
	return { kind: 'foreign', ticket: named[0]?.ticket ?? null };
}

/** The accountability a contact's login writes with, or null for a contact without an active one. */
async function accountabilityOfContact(
	context: DirectusContext,
	contact: ContactRecord,
	portal: PortalSettingsRecord,
): Promise<{ accountability: Accountability; user: PortalUser } | null> {
	if (!contact.user) return null;
	const row = (await context.knex('directus_users').select('id', 'role').where('id', contact.user).first()) as
		{ id: string; role: string | null } | undefined;
	if (!row) return null;
	const accountability = portalAccountability(row.id, row.role);
	try {
		return { accountability, user: await resolvePortalUser(context, accountability, portal) };
	} catch {
		return null;
	}
}

function errorText(error: unknown): string {
	return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}

async function addReply(
	context: InboundContext,
	{ map, portal }: { map: DataMap; portal: PortalSettingsRecord },
	{ ticket, contact }: { ticket: ItemKey; contact: ContactRecord },
	mail: InboundMail,
	finish: Finish,
): Promise<InboundResult> {
	const about = { ticket, contact: contact.id };
	const replies = map.ticket_replies;
	if (!replies) return finish('refused', 'Refused: the portal’s data map has no ticket replies.', about);
	if (contact.status !== 'active' || contact.login_suspended)
		return finish('refused', 'Refused: the contact is inactive or their login is suspended.', about);
	const body = writtenText(mail.text);
	if (!body && mail.attachments.length === 0)
		return finish('refused', 'Refused: nothing written above the quoted mail, and no attachment.', about);
	const words = body || 'Sent attachments by e-mail.';

	const login = contact.user ? await accountabilityOfContact(context.directus, contact, portal) : null;
	if (contact.user && !login)
		return finish('refused', 'Refused: the contact’s login is not active in the portal.', about);
	let visible = false;
	if (login) {
		if (!login.user.capabilities['tickets.reply'])
			return finish('refused', 'Refused: the contact’s portal group does not let them reply.', about);
		try {
			// As the contact: Directus applies their group's rules (the ticket must be one they may reply to).
			await new context.directus.services.ItemsService(replies.collection, {
				knex: context.directus.knex,
				schema: context.directus.schema,
				accountability: login.accountability,
			}).createOne(storedAs(replies, { ticket, body: words }));
		} catch (error) {
			return finish('refused', `Refused: Directus did not let the contact reply (${errorText(error)}).`, about);
		}
		visible = login.user.capabilities['tickets.attachments'] === 'public';
	} else {
		// No login: the thread proves the mail went to them; they must still follow the ticket.
		const followers = await followersOf(context.directus, map, ticket);
		if (!followers.some((key) => sameKey(key, contact.id)))
			return finish('refused', 'Refused: the contact no longer follows this ticket.', about);
		await adminService(context.directus, replies.collection).createOne(
			storedAs(replies, { ticket, body: words, author_contact: contact.id, internal: false }),
		);
		await notifyStaff(
			context.directus,
			{ map, settings: portal, outbox: context.outbox, publicUrl: context.publicUrl },
			{
				kind: 'replied',
				ticket,
				contact: contact.id,
				reply: words,
			},
		);
	}
	const stored = await storeAttachments(context, map, ticket, mail, { uploadedBy: contact.user, visible });
	return finish('accepted', `Added as a reply to ticket #${String(ticket)}${stored}.`, about);
}

async function openTicket(
	context: InboundContext,
	{ map, portal }: { map: DataMap; portal: PortalSettingsRecord },
	mail: InboundMail,
	sender: string,
	finish: Finish,
	now: Date,
): Promise<InboundResult> {
	const tickets = map.tickets;
	if (!tickets) return finish('refused', 'Refused: the portal’s data map has no tickets.');
	const body = writtenText(mail.text);
	const subject =
		mail.subject.replace(/^(\s*(re|fwd?|aw|wg)\s*:\s*)+/i, '').trim() ||
		body.split('\n')[0]?.trim() ||
		'E-mail to the service desk';
	const title = subject.length > 200 ? `${subject.slice(0, 199)}…` : subject;
	const [contact] = (await readContacts(context.directus.knex, map.contacts, { email: sender })).filter(
		(candidate) => candidate.status === 'active',
	);

	let refusal: 'registered_only' | 'not_allowed' = 'registered_only';
	if (contact?.user && !contact.login_suspended) {
		const login = await accountabilityOfContact(context.directus, contact, portal);
		if (login?.user.capabilities['tickets.create']) {
			let ticket: ItemKey;
			try {
				ticket = (await new context.directus.services.ItemsService(tickets.collection, {
					knex: context.directus.knex,
					schema: context.directus.schema,
					accountability: login.accountability,
				}).createOne(storedAs(tickets, { subject: title, description: body || null }))) as ItemKey;
			} catch (error) {
				return finish('refused', `Refused: Directus did not let the contact open a ticket (${errorText(error)}).`, {
					contact: contact.id,
				});
			}
			const stored = await storeAttachments(context, map, ticket, mail, {
				uploadedBy: contact.user,
				visible: login.user.capabilities['tickets.attachments'] === 'public',
			});
			return finish('accepted', `Opened ticket #${String(ticket)}${stored}.`, { ticket, contact: contact.id });
		}
		refusal = 'not_allowed';
	}

	if (refusal === 'registered_only' && portal.access_mode === 'public' && takesPublicRequests(tickets)) {
		const filed = await filePublicRequest(
			context.directus,
			{ name: mail.from?.name.trim() || sender, email: sender, subject: title, description: body },
			portal,
		);
		const branding = await fetchMailBranding(context.directus, portal);
		const languageOf = await fetchPortalLanguages(
			context.directus.knex,
			[filed.contact.user],
			branding.projectLanguage,
		);
		await queueMail(context.outbox, {
			kind: 'request_received',
			to: sender,
			mail: requestReceivedMail(branding, {
				language: languageOf(filed.contact.user),
				name: mail.from?.name.trim() || sender,
				ticket: filed.ticket,
				subject: title,
				loginLink: null,
				portalUrl: filed.contact.user ? `${context.publicUrl}/portal/tickets/${String(filed.ticket)}` : null,
			}),
			headers: { 'Auto-Submitted': 'auto-replied' },
		});
		await notifyStaff(
			context.directus,
			{ map, settings: portal, outbox: context.outbox, publicUrl: context.publicUrl },
			{
				kind: 'opened',
				ticket: filed.ticket,
				contact: filed.contact.id,
			},
		);
		// Staff see them; contacts only once staff make them visible.
		const stored = await storeAttachments(context, map, filed.ticket, mail, { uploadedBy: null, visible: false });
		return finish('accepted', `Filed as a request without signing in: ticket #${String(filed.ticket)}${stored}.`, {
			ticket: filed.ticket,
			contact: filed.contact.id,
		});
	}

	// A polite answer, at most one a day to an address: the refusal itself must not become a flood.
	const day = new Date(now.getTime() - 24 * hour);
	const told = (await context.directus
		.knex(outboxTable)
		.select('id')
		.where({ kind: 'not_taken', recipient: sender })
		.andWhere('date_created', '>=', day)
		.first()) as unknown;
	if (!told) {
		const branding = await fetchMailBranding(context.directus, portal);
		const languageOf = await fetchPortalLanguages(
			context.directus.knex,
			[contact?.user ?? null],
			branding.projectLanguage,
		);
		await queueMail(context.outbox, {
			kind: 'not_taken',
			to: sender,
			mail: mailNotTakenMail(branding, {
				language: languageOf(contact?.user ?? null),
				subject: title,
				reason: refusal,
				portalUrl: `${context.publicUrl}/portal/`,
			}),
			headers: { 'Auto-Submitted': 'auto-replied' },
		});
	}
	return finish(
		'refused',
		refusal === 'not_allowed'
			? 'Refused: the contact’s portal group does not let them open tickets.'
			: 'Refused: not from a contact, and the portal takes requests from registered contacts only.',
		{ contact: contact?.id ?? null },
	);
}

/** Stores the message's files on the ticket, within the upload rules; says in words what was left out. */
async function storeAttachments(
	context: InboundContext,
	map: DataMap,
	ticket: ItemKey,
	mail: InboundMail,
	{ uploadedBy, visible }: { uploadedBy: string | null; visible: boolean },
): Promise<string> {
	if (mail.attachments.length === 0) return '';
	const attachments = map.ticket_attachments;
	if (!attachments) return `; ${mail.attachments.length} attachment(s) left out (the data map keeps none)`;
	const stored: string[] = [];
	const left: string[] = [];
	for (const file of mail.attachments) {
		const filename = cleanFileName(file.filename) || 'attachment';
		if (file.content.length > context.settings.maxAttachmentBytes) left.push(`${filename} (too large)`);
		else if (!uploadTypes.has(file.type)) left.push(`${filename} (type ${file.type} not allowed)`);
		else {
			await storeTicketAttachment(context.directus, attachments, {
				ticket,
				body: file.content,
				filename,
				type: file.type,
				uploadedBy,
				visible,
			});
			stored.push(filename);
		}
	}
	return [
		stored.length > 0 ? `, with ${stored.length} attachment(s)` : '',
		left.length > 0 ? `; left out: ${left.join(', ')}` : '',
	].join('');
}
