import type { ExtensionsServices, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import type { MailBranding, RenderedMail } from './portal-mails.ts';

interface MailContext {
	services: ExtensionsServices;
	schema: SchemaOverview;
	knex: Knex;
	logger: { warn(object: unknown, message?: string): void };
}

/** The portal's name and colour: its own settings, else the Directus project's, as staff set them in the studio. */
export async function fetchMailBranding({ knex }: { knex: Knex }): Promise<MailBranding> {
	const project = (await knex('directus_settings').select('project_name', 'project_color').first()) as { project_name?: string | null; project_color?: string | null } | undefined;
	const portal = (await knex('portal_settings').select('portal_name', 'accent_color').first()) as { portal_name?: string | null; accent_color?: string | null } | undefined;
	return { portalName: portal?.portal_name || project?.project_name || 'Customer portal', accentColor: portal?.accent_color || project?.project_color || '#6644FF' };
}

/**
 * Sends through Directus's own mailer and transport. A failure is logged and reported as `false`,
 * never thrown: the write that caused the e-mail has already happened and stays.
 */
export async function sendPortalMail(context: MailContext, to: string, mail: RenderedMail): Promise<boolean> {
	try {
		const mailer = new context.services.MailService({ schema: context.schema, knex: context.knex, accountability: null });
		await mailer.send({ to, subject: mail.subject, html: mail.html, text: mail.text });
		return true;
	} catch (error) {
		context.logger.warn(error, `Customer Portal: could not send "${mail.subject}"`);
		return false;
	}
}
