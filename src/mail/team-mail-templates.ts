/**
 * A team's own portal mails: Liquid templates in Directus's mail templates folder (EMAIL_TEMPLATES_PATH), where
 * the team keeps those of Directus's own mails. `portal-<mail>.liquid` (say `portal-ticket-reply.liquid`) replaces
 * one mail; `portal-layout.liquid` every portal mail that has no template of its own. Values go in HTML-escaped
 * (a contact's words never become markup; `| raw` takes a value as it is). The template's `<title>`, where it has
 * one, is the subject; the plain-text part is `portal-<mail>.txt.liquid` where there is one, else the HTML as
 * text. Where there is no template the portal's own mail goes, and where one does not render too: the doctor
 * says which (`checkMailTemplates`).
 */
import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { convert } from 'html-to-text';
import { Liquid } from 'liquidjs';
import type { RenderedMail } from './portal-mails.ts';

/** Directus's mail templates folder, as Directus resolves it. */
export function mailTemplatesFolder(env: Record<string, unknown>): string {
	return resolve(String(env['EMAIL_TEMPLATES_PATH'] ?? './templates'));
}

export const layoutTemplate = 'portal-layout.liquid';

/** The file of the mail's own template. */
export function mailTemplateFile(name: string): string {
	return `portal-${name}.liquid`;
}

const exists = (file: string) =>
	access(file).then(
		() => true,
		() => false,
	);

/** The team's template for the mail named `name` (its own, else the layout), or null where the team has none. */
export async function teamTemplateOf(folder: string, name: string): Promise<string | null> {
	for (const file of [mailTemplateFile(name), layoutTemplate]) if (await exists(join(folder, file))) return file;
	return null;
}

function engine(folder: string, escape: boolean): Liquid {
	return new Liquid({
		root: folder,
		extname: '.liquid',
		strictFilters: true,
		ownPropertyOnly: true,
		...(escape ? { outputEscape: 'escape' as const } : {}),
	});
}

const asText = (html: string) =>
	convert(html, { wordwrap: false, selectors: [{ selector: 'a', options: { hideLinkHrefIfSameAsText: true } }] });

/** The subject a rendered template gives in its `<title>`, as text; null where it gives none. */
function titleOf(html: string): string | null {
	const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
	const text = title === undefined ? '' : asText(`<p>${title}</p>`).replace(/\s+/g, ' ').trim();
	return text === '' ? null : text;
}

/** `mail` in the team's template of it; throws where the template does not render. */
export async function renderTeamTemplate(mail: RenderedMail, folder: string, file: string): Promise<RenderedMail> {
	const values = mail.template?.values ?? {};
	const html = String(await engine(folder, true).renderFile(file, values));
	const textFile = `${file.replace(/\.liquid$/, '')}.txt.liquid`;
	const text = (await exists(join(folder, textFile)))
		? String(await engine(folder, false).renderFile(textFile, values))
		: asText(html);
	return { ...mail, subject: titleOf(html) ?? mail.subject, html, text };
}

/** `mail` as the team's template has it, where the team has one that renders; else `mail` as it is. */
export async function withTeamTemplate(mail: RenderedMail, folder: string | null): Promise<RenderedMail> {
	if (!folder || !mail.template) return mail;
	const file = await teamTemplateOf(folder, mail.template.name);
	if (!file) return mail;
	try {
		return await renderTeamTemplate(mail, folder, file);
	} catch {
		return mail;
	}
}
