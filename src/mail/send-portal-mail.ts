import type { ExtensionsServices, SchemaOverview } from '@directus/types';
import type { Knex } from 'knex';
import { systemService } from '../directus/directus-context.ts';
import type { RenderedMail } from './portal-mails.ts';

// Kept here too for the callers that import it from the mailer.

interface MailContext {
	services: ExtensionsServices;
	schema: SchemaOverview;
	knex: Knex;
	logger: { warn(object: unknown, message?: string): void };
}

/**
 * Sends through Directus's own mailer and transport. A failure is logged and reported as `false`,
 * never thrown: the write that caused the e-mail has already happened and stays.
 */
export async function sendPortalMail(context: MailContext, to: string, mail: RenderedMail): Promise<boolean> {
	try {
		const mailer = systemService(context, 'MailService');
		await mailer.send({ to, subject: mail.subject, html: mail.html, text: mail.text });
		return true;
	} catch (error) {
		context.logger.warn(error, `Customer Portal: could not send "${mail.subject}"`);
		return false;
	}
}
