/**
 * The e-mails the portal sends, as plain functions of their data: every user-facing word of them is
 * here, every value is HTML-escaped, and each comes as HTML and as plain text.
 */
import { safeColor } from '../branding/safe-color.ts';

export interface MailBranding {
	portalName: string;
	/** A CSS colour for the action button. */
	accentColor: string;
}

export interface RenderedMail {
	subject: string;
	html: string;
	text: string;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (character) => escapes[character] ?? character);
}

interface MailBody {
	subject: string;
	heading: string;
	paragraphs: string[];
	action?: { label: string; url: string };
	after?: string[];
}

function render(branding: MailBranding, body: MailBody): RenderedMail {
	const paragraph = (text: string) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(text)}</p>`;
	const button = body.action
		? `<p style="margin:24px 0"><a href="${escapeHtml(body.action.url)}" style="background:${safeColor(branding.accentColor)};color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(body.action.label)}</a></p>
<p style="margin:0 0 16px;line-height:1.5;font-size:13px;color:#555">If the button does not work, copy this address into your browser:<br>${escapeHtml(body.action.url)}</p>`
		: '';
	const html = `<!doctype html>
<html lang="en"><body style="font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1a1a1a;background:#f4f5f7;margin:0;padding:24px">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px">
<p style="margin:0 0 24px;font-weight:600;color:#555">${escapeHtml(branding.portalName)}</p>
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(body.heading)}</h1>
${body.paragraphs.map(paragraph).join('\n')}
${button}
${(body.after ?? []).map(paragraph).join('\n')}
</div></body></html>`;
	const text = [
		body.heading,
		'',
		...body.paragraphs.flatMap((line) => [line, '']),
		...(body.action ? [`${body.action.label}: ${body.action.url}`, ''] : []),
		...(body.after ?? []).flatMap((line) => [line, '']),
		`— ${branding.portalName}`,
	].join('\n');
	return { subject: body.subject, html, text };
}

function formatDate(date: Date): string {
	return date.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}

export function invitationMail(
	branding: MailBranding,
	data: { name: string; customer: string; link: string; expiresAt: Date },
): RenderedMail {
	return render(branding, {
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
	return render(branding, {
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
	return render(branding, {
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
	return render(branding, {
		subject: `You already have a login for ${branding.portalName}`,
		heading: `Hello ${data.name},`,
		paragraphs: [
			`Someone asked to create a login for ${data.email}, which already has one. If it was you and you forgot your password, choose a new one:`,
		],
		action: { label: 'Reset my password', url: data.resetLink },
		after: ['If it was not you, you can ignore this e-mail; nothing has changed.'],
	});
}
