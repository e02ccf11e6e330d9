/**
 * The e-mails the portal sends, as plain functions of their data: each in the language it is given (its words are
 * in `wording/`), every value HTML-escaped, and each as HTML and as plain text.
 */
import { accentAsText, inkOn } from '../branding/accent-shades.ts';
import { safeColor } from '../branding/safe-color.ts';
import type { PortalLanguage } from '../i18n/languages.ts';
import { renderMarkdown } from '../markdown/render-markdown.ts';
import type { TicketRating } from '../ratings/ticket-rating.ts';
import type { MailWording } from './wording/mail-wording.ts';
import { mailWordings } from './wording/mail-wordings.ts';

export interface MailBranding {
	portalName: string;
	/** A CSS colour for the action button. */
	accentColor: string;
}

export interface RenderedMail {
	subject: string;
	html: string;
	text: string;
	/** The mail's name and values, for a team's own Liquid template of it (`team-mail-templates.ts`). */
	template?: MailTemplateValues;
}

/** What a team's template of a portal mail is given: the mail's own values, its language, the portal's, and the mail as worded here. */
export interface MailTemplateValues {
	/** `ticket-reply` for `portal-ticket-reply.liquid`. */
	name: string;
	values: Record<string, unknown>;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (character) => escapes[character] ?? character);
}

interface MailBody {
	subject: string;
	heading: string;
	paragraphs: string[];
	/** The paragraphs as safe HTML (rendered Markdown), for the HTML part; the text part keeps `paragraphs`. */
	html?: string;
	action?: { label: string; url: string };
	/** A question answered by following one of its links (each opens a page that asks before it acts). */
	choices?: { question: string; links: { label: string; url: string }[] };
	after?: string[];
	/** Why the contact gets this mail, and the link that stops this kind. */
	footer?: { reason: string; unsubscribe: string };
	/** The mail can be answered: a line on top marks where a reply ends (`replyMarker`). */
	answerable?: boolean;
}

/** The language a mail is written in: the recipient's (`portalLanguageOf`). */
export type InLanguage = { language: PortalLanguage };

function render<Values extends InLanguage & Record<string, unknown>>(
	name: string,
	branding: MailBranding,
	values: Values,
	body: MailBody,
): RenderedMail {
	const { common } = mailWordings[values.language];
	const replyMarker = common.replyMarker;
	const paragraph = (text: string) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(text)}</p>`;
	const button = body.action
		? `<p style="margin:24px 0"><a href="${escapeHtml(body.action.url)}" style="background:${safeColor(branding.accentColor)};color:${inkOn(branding.accentColor)};padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(body.action.label)}</a></p>
<p style="margin:0 0 16px;line-height:1.5;font-size:13px;color:#555">${escapeHtml(common.buttonFallback)}<br>${escapeHtml(body.action.url)}</p>`
		: '';
	const choices = body.choices
		? `<p style="margin:0 0 8px;line-height:1.5;font-weight:600">${escapeHtml(body.choices.question)}</p>
<p style="margin:0 0 16px">${body.choices.links.map((link) => `<a href="${escapeHtml(link.url)}" style="color:#1a1a1a;border:1px solid #c4c9d0;padding:8px 16px;border-radius:6px;text-decoration:none;display:inline-block;margin:0 8px 8px 0">${escapeHtml(link.label)}</a>`).join('')}</p>`
		: '';
	const html = `<!doctype html>
<html lang="${values.language}"><body style="font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1a1a1a;background:#f4f5f7;margin:0;padding:24px">
${body.answerable ? `<p style="max-width:560px;margin:0 auto 8px;font-size:12px;color:#555">${escapeHtml(replyMarker)}</p>\n` : ''}<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px">
<p style="margin:0 0 24px;font-weight:600;color:#555">${escapeHtml(branding.portalName)}</p>
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(body.heading)}</h1>
${body.html ?? body.paragraphs.map(paragraph).join('\n')}
${button}
${choices}
${(body.after ?? []).map(paragraph).join('\n')}
</div>${
		body.footer
			? `
<p style="max-width:560px;margin:16px auto 0;font-size:12px;line-height:1.5;color:#555">${escapeHtml(body.footer.reason)} <a href="${escapeHtml(body.footer.unsubscribe)}" style="color:#555">${escapeHtml(common.unsubscribe)}</a></p>`
			: ''
	}</body></html>`;
	const text = [
		...(body.answerable ? [replyMarker, ''] : []),
		body.heading,
		'',
		...body.paragraphs.flatMap((line) => [line, '']),
		...(body.action ? [`${body.action.label}: ${body.action.url}`, ''] : []),
		...(body.choices
			? [body.choices.question, ...body.choices.links.map((link) => `${link.label}: ${link.url}`), '']
			: []),
		...(body.after ?? []).flatMap((line) => [line, '']),
		`— ${branding.portalName}`,
		...(body.footer ? ['', body.footer.reason, `${common.unsubscribe}: ${body.footer.unsubscribe}`] : []),
	].join('\n');
	const template = {
		name,
		values: {
			...values,
			language: values.language,
			portal: {
				name: branding.portalName,
				accentColor: safeColor(branding.accentColor),
				// Text on the accent (a button's label) and the accent as text on white, readable whatever the colour.
				accentInk: inkOn(branding.accentColor),
				accentText: accentAsText(branding.accentColor),
			},
			mail: {
				subject: body.subject,
				heading: body.heading,
				paragraphs: body.paragraphs,
				action: body.action ?? null,
				choices: body.choices ?? null,
				after: body.after ?? [],
				footer: body.footer ?? null,
				replyMarker: body.answerable ? replyMarker : null,
			},
		},
	};
	return { subject: body.subject, html, text, template };
}

/** A date as the mail's language writes it, in UTC (the reader's time zone is not known). */
function formatDate(date: Date, wording: MailWording): string {
	return `${date.toLocaleString(wording.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
}

export function invitationMail(
	branding: MailBranding,
	data: InLanguage & { name: string; customer: string | null; link: string; expiresAt: Date },
): RenderedMail {
	const wording = mailWordings[data.language];
	const words = wording.invitation;
	return render('invitation', branding, data, {
		subject: words.subject(branding.portalName),
		heading: wording.common.hello(data.name),
		paragraphs: [words.invited(branding.portalName, data.customer), words.choosePassword],
		action: { label: words.action, url: data.link },
		after: [words.validUntil(formatDate(data.expiresAt, wording))],
	});
}

export function welcomeMail(
	branding: MailBranding,
	data: InLanguage & { name: string; portalUrl: string; email: string },
): RenderedMail {
	const { common, welcome: words } = mailWordings[data.language];
	return render('welcome', branding, data, {
		subject: words.subject(branding.portalName),
		heading: words.heading(data.name),
		paragraphs: [words.ready(data.email)],
		action: { label: common.openPortal, url: data.portalUrl },
		after: [words.notYou],
	});
}

/** How a visitor can follow a request: by creating a login, by signing in, or by e-mail. */
function howToFollow(
	wording: MailWording,
	data: { loginLink: string | null; portalUrl: string | null },
): {
	paragraphs: string[];
	action?: { label: string; url: string };
} {
	const words = wording.requestReceived;
	if (data.loginLink) {
		return {
			paragraphs: [words.createLogin],
			action: { label: words.createLoginAction, url: data.loginLink },
		};
	}
	if (data.portalUrl) {
		return {
			paragraphs: [words.followWhenSignedIn],
			action: { label: wording.common.openPortal, url: data.portalUrl },
		};
	}
	return { paragraphs: [words.replyByMail] };
}

export function requestReceivedMail(
	branding: MailBranding,
	data: InLanguage & {
		name: string;
		ticket: number | string;
		subject: string;
		loginLink: string | null;
		portalUrl: string | null;
	},
): RenderedMail {
	const wording = mailWordings[data.language];
	const words = wording.requestReceived;
	const follow = howToFollow(wording, data);
	return render('request-received', branding, data, {
		subject: words.subject(data.ticket, data.subject),
		heading: words.heading(data.name),
		paragraphs: [words.received(data.ticket, data.subject), ...follow.paragraphs],
		...(follow.action ? { action: follow.action } : {}),
		after: [words.notYou],
	});
}

export function alreadyRegisteredMail(
	branding: MailBranding,
	data: InLanguage & { name: string; email: string; resetLink: string },
): RenderedMail {
	const { common, alreadyRegistered: words } = mailWordings[data.language];
	return render('already-registered', branding, data, {
		subject: words.subject(branding.portalName),
		heading: common.hello(data.name),
		paragraphs: [words.asked(data.email)],
		action: { label: common.resetPassword, url: data.resetLink },
		after: [words.notYou],
	});
}

/**
 * To an address whose domain is no customer's, after someone asked for a login with it: why there is none, and
 * where to go instead. Carries nothing the asker typed but the address, so the form cannot send anyone words.
 */
export function signUpNotPossibleMail(
	branding: MailBranding,
	data: InLanguage & { email: string; requestUrl: string | null },
): RenderedMail {
	const { common, signUpNotPossible: words } = mailWordings[data.language];
	return render('sign-up-not-possible', branding, data, {
		subject: words.subject(branding.portalName),
		heading: common.helloWithoutName,
		paragraphs: [
			words.refused(branding.portalName, data.email),
			data.requestUrl ? words.requestWithoutLogin : words.askForInvitation,
		],
		...(data.requestUrl ? { action: { label: words.requestAction, url: data.requestUrl } } : {}),
		after: [common.ignoreIfNotYou],
	});
}

/** Who wrote a reply: a person's name, or, where contacts are told no name, the service team or a colleague. */
export type ReplyAuthor = { name: string } | { unnamed: 'service_team' | 'colleague' };

const unnamedAuthor = { service_team: 'serviceTeam', colleague: 'colleague' } as const;

/**
 * A reply on a ticket the contact follows: its Markdown rendered safely in the HTML part, as written in the text part.
 * A reply that also set the ticket waiting on the contact or resolved (`state`) says so in its heading and after its
 * words, so the contact gets one mail for the one step; the files it attached are named (they stay on the ticket).
 */
export function ticketReplyMail(
	branding: MailBranding,
	data: InLanguage & {
		name: string;
		ticket: number | string;
		subject: string;
		author: ReplyAuthor;
		reply: string;
		/** The state the reply set the ticket to, where contacts are told of it. */
		state?: 'pending' | 'resolved' | null;
		/** The names of the files attached with the reply. */
		attachments?: readonly string[];
		link: string;
		unsubscribe: string;
		/** Replies by e-mail reach the ticket. */
		answerable?: boolean;
		/** Ask the recipient to rate the ticket the reply resolved (its requester): `ratingChoices`. */
		askRating?: boolean;
	},
): RenderedMail {
	const { common, ticketReply: words, ticketStatus } = mailWordings[data.language];
	const author = 'name' in data.author ? data.author.name : words[unnamedAuthor[data.author.unnamed]];
	const replyHtml = renderMarkdown(data.reply);
	const state = data.state ?? null;
	const attachments = data.attachments ?? [];
	return render(
		'ticket-reply',
		branding,
		{ ...data, author, replyHtml, state, attachments },
		{
			answerable: data.answerable ?? false,
			subject: `[#${data.ticket}] ${data.subject}`,
			heading: state ? words.headingWithState(author, data.subject, state) : words.heading(author, data.subject),
			paragraphs: data.reply
				.split(/\n{2,}/)
				.map((part) => part.trim())
				.filter(Boolean),
			html: `<div style="margin:0 0 16px;line-height:1.5">${replyHtml}</div>`,
			action: { label: state === 'pending' ? ticketStatus.pendingAction : words.action, url: data.link },
			after: [
				...(attachments.length > 0 ? [words.attached(attachments.join(', '))] : []),
				...(state ? [words.state[state]] : []),
				...(data.answerable ? [common.answerByMail] : []),
			],
			...(state === 'resolved' && data.askRating ? { choices: ratingChoices(data.language, data.link) } : {}),
			footer: { reason: common.followsTicket(data.ticket), unsubscribe: data.unsubscribe },
		},
	);
}

/**
 * The ticket's page with a rating chosen: it opens the portal (signing in first) and asks the contact to send it,
 * so a mail scanner following the link rates nothing.
 */
export function ratingLink(ticketLink: string, rating: TicketRating): string {
	return `${ticketLink}?rate=${rating}`;
}

/** "How did we do?" under a resolved ticket, for its requester: a link per answer (`ratingLink`). */
function ratingChoices(language: PortalLanguage, ticketLink: string): NonNullable<MailBody['choices']> {
	const words = mailWordings[language].ticketStatus;
	return {
		question: words.rateQuestion,
		links: [
			{ label: words.rateGood, url: ratingLink(ticketLink, 'good') },
			{ label: words.rateBad, url: ratingLink(ticketLink, 'bad') },
		],
	};
}

/** A ticket the contact follows now waits on them, or is resolved. */
/** To a contact someone added to a ticket: who did, and that its mails now come to them. */
export function ticketAddedMail(
	branding: MailBranding,
	data: InLanguage & {
		name: string;
		ticket: number | string;
		subject: string;
		/** Who added them: a colleague, or staff as contacts read staff's names. */
		by: ReplyAuthor;
		link: string;
		unsubscribe: string;
		answerable?: boolean;
	},
): RenderedMail {
	const { common, ticketAdded: words, ticketReply } = mailWordings[data.language];
	const by = 'name' in data.by ? data.by.name : ticketReply[unnamedAuthor[data.by.unnamed]];
	return render(
		'ticket-added',
		branding,
		{ ...data, by },
		{
			answerable: data.answerable ?? false,
			subject: words.subject(data.ticket, data.subject),
			heading: common.hello(data.name),
			paragraphs: [words.addedBy(by, data.ticket, data.subject), words.follows],
			action: { label: words.action, url: data.link },
			...(data.answerable ? { after: [common.answerByMail] } : {}),
			footer: { reason: common.followsTicket(data.ticket), unsubscribe: data.unsubscribe },
		},
	);
}

export function ticketStatusMail(
	branding: MailBranding,
	data: InLanguage & {
		name: string;
		ticket: number | string;
		subject: string;
		state: 'pending' | 'resolved';
		link: string;
		unsubscribe: string;
		answerable?: boolean;
		/** Ask the recipient to rate the resolved ticket (its requester), with links that open it with their answer chosen. */
		askRating?: boolean;
	},
): RenderedMail {
	const { common, ticketStatus: words } = mailWordings[data.language];
	const waiting = data.state === 'pending';
	return render('ticket-status', branding, data, {
		answerable: data.answerable ?? false,
		subject: waiting
			? words.pendingSubject(data.ticket, data.subject)
			: words.resolvedSubject(data.ticket, data.subject),
		heading: common.hello(data.name),
		paragraphs: waiting
			? [words.pending(data.ticket, data.subject)]
			: [words.resolved(data.ticket, data.subject), words.stillThere],
		action: { label: waiting ? words.pendingAction : words.resolvedAction, url: data.link },
		...(!waiting && data.askRating ? { choices: ratingChoices(data.language, data.link) } : {}),
		...(data.answerable ? { after: [common.answerByMail] } : {}),
		footer: { reason: common.followsTicket(data.ticket), unsubscribe: data.unsubscribe },
	});
}

export type AccountEvent = 'password_changed' | 'login_suspended';

/** Something changed on the contact's login that they must know of, in case it was not them. */
export function accountMail(
	branding: MailBranding,
	data: InLanguage & { name: string; event: AccountEvent; portalUrl: string; unsubscribe: string },
): RenderedMail {
	const { common, loginSuspended, passwordChanged } = mailWordings[data.language];
	const footer = { reason: common.aboutLogin, unsubscribe: data.unsubscribe };
	if (data.event === 'login_suspended')
		return render('login-suspended', branding, data, {
			subject: loginSuspended.subject(branding.portalName),
			heading: common.hello(data.name),
			paragraphs: [loginSuspended.suspended(branding.portalName), loginSuspended.mistake],
			footer,
		});
	return render('password-changed', branding, data, {
		subject: passwordChanged.subject(branding.portalName),
		heading: common.hello(data.name),
		paragraphs: [passwordChanged.changed(branding.portalName), passwordChanged.ifNotYou],
		action: { label: common.resetPassword, url: `${data.portalUrl}forgot-password` },
		footer,
	});
}

/** Why an e-mail to the service desk made no ticket, and where to go instead (never sent to a machine). */
export function mailNotTakenMail(
	branding: MailBranding,
	data: InLanguage & { subject: string; reason: 'registered_only' | 'not_allowed' | 'no_ticket'; portalUrl: string },
): RenderedMail {
	const { common, mailNotTaken: words } = mailWordings[data.language];
	const why = {
		registered_only: words.registeredOnly(branding.portalName),
		not_allowed: words.notAllowed,
		no_ticket: words.noTicket,
	}[data.reason];
	const subject = data.subject || common.noSubject;
	return render('mail-not-taken', branding, data, {
		subject: words.subject(subject),
		heading: words.heading,
		paragraphs: [words.notAdded(subject), why],
		action: { label: words.action(branding.portalName), url: data.portalUrl },
		after: [words.wrong],
	});
}

/** What staff hear of: a contact (`from`, null where not known any more) opened a ticket or replied on one. */
export type StaffNoticeAbout = {
	activity: 'opened' | 'replied' | 'rated_bad';
	from: string | null;
	/** The contact's company, where it has a name. */
	customer: string | null;
	ticketSubject: string;
};

/** A staff notice's subject, for its mail and for the studio's notification. */
export function staffNoticeSubject(about: StaffNoticeAbout, language: PortalLanguage): string {
	const words = mailWordings[language].staffNotice;
	const who = about.from ?? words.someContact;
	const from = about.customer ? `${who} (${about.customer})` : who;
	return words[about.activity === 'rated_bad' ? 'ratedBad' : about.activity](from, about.ticketSubject);
}

/** A contact's new ticket or reply, for the staff who hear of it (with the studio's notification). */
export function staffNoticeMail(
	branding: MailBranding,
	data: InLanguage & StaffNoticeAbout & { excerpt: string; link: string },
): RenderedMail {
	const words = mailWordings[data.language].staffNotice;
	const subject = staffNoticeSubject(data, data.language);
	return render(
		'staff-notice',
		branding,
		{ ...data, subject },
		{
			subject,
			heading: subject,
			paragraphs: data.excerpt
				.split(/\n{2,}/)
				.map((part) => part.trim())
				.filter(Boolean),
			action: { label: words.action, url: data.link },
			after: [words.why],
		},
	);
}

/** Directus's password-reset mail for a contact, in the portal's words and colours (the link is Directus's own). */
export function passwordResetMail(
	branding: MailBranding,
	data: InLanguage & { name: string | null; url: string },
): RenderedMail {
	const { common, passwordReset: words } = mailWordings[data.language];
	return render('password-reset', branding, data, {
		subject: words.subject(branding.portalName),
		heading: data.name ? common.hello(data.name) : common.helloWithoutName,
		paragraphs: [words.asked(branding.portalName)],
		action: { label: words.action, url: data.url },
		after: [words.notYou],
	});
}
