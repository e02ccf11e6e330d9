/**
 * Directus's own password-reset mail, for the portal's reset page, in the portal's words and colours like
 * its other mails: Directus renders its stock template otherwise. Only where the reset link leads to the
 * portal (staff resets keep Directus's mail), and only while the team has no `password-reset.liquid` of
 * its own in EMAIL_TEMPLATES_PATH (theirs wins); in the team's `portal-password-reset.liquid` or
 * `portal-layout.liquid` where there is one. Directus sends this mail without making the request wait.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { HookExtensionContext, RegisterFunctions } from '@directus/types';
import { displayName } from '../../../src/invitations/display-name.ts';
import { readContacts } from '../../../src/invitations/read-contacts.ts';
import { fetchMailBranding } from '../../../src/mail/fetch-mail-branding.ts';
import { fetchPortalLanguages } from '../../../src/i18n/fetch-portal-languages.ts';
import { passwordResetMail } from '../../../src/mail/portal-mails.ts';
import { mailTemplatesFolder, withTeamTemplate } from '../../../src/mail/team-mail-templates.ts';
import { runningDataMap } from '../../shared/running-data-map.ts';

interface MailToSend {
	to?: unknown;
	subject?: string;
	html?: string;
	text?: string;
	template?: { name?: string; data?: Record<string, unknown> };
}

export function registerBrandedResetMail(
	{ filter }: RegisterFunctions,
	{ services, getSchema, database, logger, env }: HookExtensionContext,
): void {
	const portalResetPage = `${String(env['PUBLIC_URL'] ?? '').replace(/\/+$/, '')}/portal/reset-password`;
	const templates = mailTemplatesFolder(env);
	const teamTemplate = join(templates, 'password-reset.liquid');

	filter('email.send', async (payload) => {
		const mail = payload as MailToSend;
		const url = String(mail.template?.data?.['url'] ?? '');
		if (mail.template?.name !== 'password-reset' || !url.startsWith(`${portalResetPage}?`)) return payload;
		try {
			if (
				await access(teamTemplate).then(
					() => true,
					() => false,
				)
			)
				return payload;
			const context = { services, schema: await getSchema({ database }), knex: database };
			const email = String(mail.template.data?.['email'] ?? '');
			const map = await runningDataMap(database);
			const [contact] = map && email ? await readContacts(database, map.contacts, { email }) : [];
			const branding = await fetchMailBranding(context);
			const user = contact?.user ?? null;
			const languageOf = await fetchPortalLanguages(database, [user], branding.projectLanguage);
			const rendered = await withTeamTemplate(
				passwordResetMail(branding, {
					language: languageOf(user),
					name: contact ? displayName(contact) : null,
					url,
				}),
				templates,
			);
			// In place: Directus's MailService reads the HTML from the object it was given, not from a copy returned here.
			mail.subject = rendered.subject;
			mail.html = rendered.html;
			mail.text = rendered.text;
			delete mail.template;
		} catch (error) {
			logger.error(error, 'Customer Portal: the password-reset mail keeps Directus’s template');
		}
		return payload;
	});
}
