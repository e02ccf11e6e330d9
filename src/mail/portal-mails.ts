/**
 * The e-mails the portal sends, as plain functions of their data: every user-facing word of them is
 * here, every value is HTML-escaped, and each comes as HTML and as plain text.
 */
import { safeColor } from '../branding/safe-color.ts';
import { renderMarkdown } from '../markdown/render-markdown.ts';

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

/** What a team's template of a portal mail is given: the mail's own values, the portal's, and the mail as worded here. */
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
	after?: string[];
	/** Why the contact gets this mail, and the link that stops this kind. */
	footer?: { reason: string; unsubscribe: string };
	/** The mail can be answered: a line on top marks where a reply ends (`replyMarker`). */
	answerable?: boolean;
}

/** Put on top of a mail that can be answered; a reply's text is read down to it. */
export const replyMarker = '##- Please type your reply above this line -##';

function render(name: string, branding: MailBranding, values: object, body: MailBody): RenderedMail {
	const paragraph = (text: string) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(text)}</p>`;
	const button = body.action
		? `<p style="margin:24px 0"><a href="${escapeHtml(body.action.url)}" style="background:${safeColor(branding.accentColor)};color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(body.action.label)}</a></p>
<p style="margin:0 0 16px;line-height:1.5;font-size:13px;color:#555">If the button does not work, copy this address into your browser:<br>${escapeHtml(body.action.url)}</p>`
		: '';
	const html = `<!doctype html>
<html lang="en"><body style="font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1a1a1a;background:#f4f5f7;margin:0;padding:24px">
${body.answerable ? `<p style="max-width:560px;margin:0 auto 8px;font-size:12px;color:#555">${escapeHtml(replyMarker)}</p>\n` : ''}<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px">
<p style="margin:0 0 24px;font-weight:600;color:#555">${escapeHtml(branding.portalName)}</p>
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(body.heading)}</h1>
${body.html ?? body.paragraphs.map(paragraph).join('\n')}
${button}
${(body.after ?? []).map(paragraph).join('\n')}
</div>${
		body.footer
			? `
<p style="max-width:560px;margin:16px auto 0;font-size:12px;line-height:1.5;color:#555">${escapeHtml(body.footer.reason)} <a href="${escapeHtml(body.footer.unsubscribe)}" style="color:#555">Unsubscribe from these e-mails</a></p>`
			: ''
	}</body></html>`;
	const text = [
		...(body.answerable ? [replyMarker, ''] : []),
		body.heading,
		'',
		...body.paragraphs.flatMap((line) => [line, '']),
		...(body.action ? [`${body.action.label}: ${body.action.url}`, ''] : []),
		...(body.after ?? []).flatMap((line) => [line, '']),
		`— ${branding.portalName}`,
		...(body.footer ? ['', body.footer.reason, `Unsubscribe from these e-mails: ${body.footer.unsubscribe}`] : []),
	].join('\n');
	const template = {
		name,
		values: {
			...values,
			portal: { name: branding.portalName, accentColor: safeColor(branding.accentColor) },
			mail: {
				subject: body.subject,
				heading: body.heading,
				paragraphs: body.paragraphs,
				action: body.action ?? null,
				after: body.after ?? [],
				footer: body.footer ?? null,
				replyMarker: body.answerable ? replyMarker : null,
			},
		},
	};
	return { subject: body.subject, html, text, template };
}

function formatDate(date: Date): string {
	return date.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}

export function invitationMail(
	branding: MailBranding,
	data: { name: string; customer: string; link: string; expiresAt: Date },
): RenderedMail {
	return render('invitation', branding, data, {
		subject: `Your invitation to ${branding.portalName}`,
		heading: `Hello ${data.name},`,
		paragraphs: [
			`You have been invited to ${branding.portalName}, where you can follow the requests and work of ${data.customer}.`,
			'Choose a password to finish setting up your login.',
		],
		action: { label: 'Set my password', url: data.link },
		after: [
			`This link can be used once and works until ${formatDate(data.expiresAt)}. If you did not expect this invitation, you can ignore this e-mail.`,
		],
	});
}

export function welcomeMail(
	branding: MailBranding,
	data: { name: string; portalUrl: string; email: string },
): RenderedMail {
	return render('welcome', branding, data, {
		subject: `Welcome to ${branding.portalName}`,
		heading: `Welcome, ${data.name}`,
		paragraphs: [`Your login is ready. Sign in with ${data.email} and the password you chose.`],
		action: { label: 'Open the portal', url: data.portalUrl },
		after: ['If you did not set up this login, reply to this e-mail straight away.'],
	});
}

/** How a visitor can follow a request: by creating a login, by signing in, or by e-mail. */
function howToFollow(data: { loginLink: string | null; portalUrl: string | null }): {
	paragraphs: string[];
	action?: { label: string; url: string };
} {
	if (data.loginLink) {
		return {
			paragraphs: ['To follow your request and reply online, create a login for the portal:'],
			action: { label: 'Create my login', url: data.loginLink },
		};
	}
	if (data.portalUrl) {
		return {
			paragraphs: ['You can follow it when you sign in to the portal.'],
			action: { label: 'Open the portal', url: data.portalUrl },
		};
	}
	return { paragraphs: ['We will reply to this e-mail address.'] };
}

export function requestReceivedMail(
	branding: MailBranding,
	data: { name: string; ticket: number | string; subject: string; loginLink: string | null; portalUrl: string | null },
): RenderedMail {
	const follow = howToFollow(data);
	return render('request-received', branding, data, {
		subject: `We received your request #${data.ticket}: ${data.subject}`,
		heading: `Thank you, ${data.name}`,
		paragraphs: [
			`We received your request "${data.subject}" and gave it the number ${data.ticket}.`,
			...follow.paragraphs,
		],
		...(follow.action ? { action: follow.action } : {}),
		after: ['If you did not send this request, you can ignore this e-mail.'],
	});
}

export function alreadyRegisteredMail(
	branding: MailBranding,
	data: { name: string; email: string; resetLink: string },
): RenderedMail {
	return render('already-registered', branding, data, {
		subject: `You already have a login for ${branding.portalName}`,
		heading: `Hello ${data.name},`,
		paragraphs: [
			`Someone asked to create a login for ${data.email}, which already has one. If it was you and you forgot your password, choose a new one:`,
		],
		action: { label: 'Reset my password', url: data.resetLink },
		after: ['If it was not you, you can ignore this e-mail; nothing has changed.'],
	});
}

/**
 * To an address whose domain is no customer's, after someone asked for a login with it: why there is none, and
 * where to go instead. Carries nothing the asker typed but the address, so the form cannot send anyone words.
 */
export function signUpNotPossibleMail(
	branding: MailBranding,
	data: { email: string; requestUrl: string | null },
): RenderedMail {
	return render('sign-up-not-possible', branding, data, {
		subject: `About your request for a login to ${branding.portalName}`,
		heading: 'Hello,',
		paragraphs: [
			`Someone asked for a login to ${branding.portalName} for ${data.email}. We could not create one: logins are for the staff of our customers, and we do not know this address's domain as one of theirs.`,
			data.requestUrl
				? 'You can still send us a request without a login:'
				: 'If your company is a customer of ours, ask its portal administrator or your contact in the service team to invite you.',
		],
		...(data.requestUrl ? { action: { label: 'Submit a request', url: data.requestUrl } } : {}),
		after: ['If it was not you, you can ignore this e-mail.'],
	});
}

/** A reply on a ticket the contact follows: its Markdown rendered safely in the HTML part, as written in the text part. */
export function ticketReplyMail(
	branding: MailBranding,
	data: {
		name: string;
		ticket: number | string;
		subject: string;
		author: string;
		reply: string;
		link: string;
		unsubscribe: string;
		/** Replies by e-mail reach the ticket. */
		answerable?: boolean;
	},
): RenderedMail {
	const replyHtml = renderMarkdown(data.reply);
	return render(
		'ticket-reply',
		branding,
		{ ...data, replyHtml },
		{
			answerable: data.answerable ?? false,
			subject: `[#${data.ticket}] ${data.subject}`,
			heading: `${data.author} replied to "${data.subject}"`,
			paragraphs: data.reply
				.split(/\n{2,}/)
				.map((part) => part.trim())
				.filter(Boolean),
			html: `<div style="margin:0 0 16px;line-height:1.5">${replyHtml}</div>`,
			action: { label: 'View the ticket and reply', url: data.link },
			...(data.answerable ? { after: ['You can also answer by replying to this e-mail.'] } : {}),
			footer: {
				reason: `You get this e-mail because you follow ticket #${data.ticket}.`,
				unsubscribe: data.unsubscribe,
			},
		},
	);
}

/** A ticket the contact follows now waits on them, or is resolved. */
export function ticketStatusMail(
	branding: MailBranding,
	data: {
		name: string;
		ticket: number | string;
		subject: string;
		state: 'pending' | 'resolved';
		link: string;
		unsubscribe: string;
		answerable?: boolean;
	},
): RenderedMail {
	const waiting = data.state === 'pending';
	return render('ticket-status', branding, data, {
		answerable: data.answerable ?? false,
		subject: waiting
			? `[#${data.ticket}] Waiting on you: ${data.subject}`
			: `[#${data.ticket}] Resolved: ${data.subject}`,
		heading: `Hello ${data.name},`,
		paragraphs: waiting
			? [`Your ticket "${data.subject}" (#${data.ticket}) waits on you: the service team needs your answer to go on.`]
			: [
					`Your ticket "${data.subject}" (#${data.ticket}) has been resolved.`,
					'If the problem is still there, reply on the ticket.',
				],
		action: { label: waiting ? 'Answer on the ticket' : 'View the ticket', url: data.link },
		...(data.answerable ? { after: ['You can also answer by replying to this e-mail.'] } : {}),
		footer: {
			reason: `You get this e-mail because you follow ticket #${data.ticket}.`,
			unsubscribe: data.unsubscribe,
		},
	});
}

export type AccountEvent = 'password_changed' | 'login_suspended';

/** Something changed on the contact's login that they must know of, in case it was not them. */
export function accountMail(
	branding: MailBranding,
	data: { name: string; event: AccountEvent; portalUrl: string; unsubscribe: string },
): RenderedMail {
	if (data.event === 'login_suspended')
		return render('login-suspended', branding, data, {
			subject: `Your login to ${branding.portalName} was suspended`,
			heading: `Hello ${data.name},`,
			paragraphs: [
				`Your login to ${branding.portalName} was suspended: you cannot sign in for now. Your tickets and your company's records are kept.`,
				'If you think this is a mistake, ask the service team or your company’s portal administrator.',
			],
			footer: { reason: 'You get this e-mail about changes to your login.', unsubscribe: data.unsubscribe },
		});
	return render('password-changed', branding, data, {
		subject: `Your password for ${branding.portalName} was changed`,
		heading: `Hello ${data.name},`,
		paragraphs: [
			`The password of your login to ${branding.portalName} was changed just now.`,
			'If it was you, there is nothing to do. If it was not, reset your password straight away and tell the service team.',
		],
		action: { label: 'Reset my password', url: `${data.portalUrl}forgot-password` },
		footer: { reason: 'You get this e-mail about changes to your login.', unsubscribe: data.unsubscribe },
	});
}

/** Why an e-mail to the service desk made no ticket, and where to go instead (never sent to a machine). */
export function mailNotTakenMail(
	branding: MailBranding,
	data: { subject: string; reason: 'registered_only' | 'not_allowed' | 'no_ticket'; portalUrl: string },
): RenderedMail {
	const why = {
		registered_only: `${branding.portalName} takes requests from registered contacts only, and this address is not one of them.`,
		not_allowed: 'Your login does not let you open tickets by e-mail.',
		no_ticket:
			'Your e-mail did not reach a ticket you follow: it may have been sent from another address than the one we wrote to.',
	}[data.reason];
	return render('mail-not-taken', branding, data, {
		subject: `Not delivered to the service desk: ${data.subject || '(no subject)'}`,
		heading: 'Your e-mail was not added',
		paragraphs: [`We did not add your e-mail "${data.subject || '(no subject)'}" to the service desk.`, why],
		action: { label: `Open ${branding.portalName}`, url: data.portalUrl },
		after: ['If you think this is wrong, ask your contact in the service team.'],
	});
}

/** A contact's new ticket or reply, for the staff who hear of it (with the studio's notification). */
export function staffNoticeMail(
	branding: MailBranding,
	data: { subject: string; excerpt: string; link: string },
): RenderedMail {
	return render('staff-notice', branding, data, {
		subject: data.subject,
		heading: data.subject,
		paragraphs: data.excerpt
			.split(/\n{2,}/)
			.map((part) => part.trim())
			.filter(Boolean),
		action: { label: 'Open the ticket in the studio', url: data.link },
		after: ['You get this e-mail because e-mail notifications are on in your Directus profile.'],
	});
}

/** Directus's password-reset mail for a contact, in the portal's words and colours (the link is Directus's own). */
export function passwordResetMail(branding: MailBranding, data: { name: string | null; url: string }): RenderedMail {
	return render('password-reset', branding, data, {
		subject: `Reset your password for ${branding.portalName}`,
		heading: data.name ? `Hello ${data.name},` : 'Hello,',
		paragraphs: [
			`Someone asked to reset the password of your login to ${branding.portalName}. Choose a new password with the button below; the link works for one day.`,
		],
		action: { label: 'Choose a new password', url: data.url },
		after: ['If it was not you, you can ignore this e-mail: your password stays as it is.'],
	});
}
