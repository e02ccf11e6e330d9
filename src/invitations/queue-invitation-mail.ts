import type { DirectusContext } from '../directus/directus-context.ts';
import { invitationMail } from '../mail/portal-mails.ts';
import { fetchMailBranding } from '../mail/fetch-mail-branding.ts';
import { fetchPortalLanguages } from '../i18n/fetch-portal-languages.ts';
import { linkPlaceholder, type OutboxContext, queueMail } from '../mail/outbox.ts';
import { fetchCustomerName } from '../customers/fetch-customer-name.ts';
import { displayName } from './display-name.ts';
import type { IssuedInvitation } from './invite-contact.ts';

/** An issued invitation's sign-in link. `publicUrl` is Directus's PUBLIC_URL, without a trailing slash. */
export function invitationLink(publicUrl: string, token: string): string {
	return `${publicUrl}/portal/accept-invitation?token=${token}`;
}

/**
 * Queues an issued invitation's e-mail — whoever issued it: staff, a client administrator, or self
 * sign-up — and answers its outbox id. The invitation counts as sent once the outbox has sent it; until
 * then staff see it waiting (or failing) in the outbox. In the language of the user the invitation made for the
 * contact: a new one has none, so the project's default; one invited again keeps the language it had.
 */
export async function queueInvitationMail(
	context: DirectusContext,
	outbox: OutboxContext,
	issued: IssuedInvitation,
	publicUrl: string,
): Promise<number> {
	const branding = await fetchMailBranding(context);
	const customer = await fetchCustomerName(context, issued.contact.customer);
	const languageOf = await fetchPortalLanguages(context.knex, [issued.contact.user], branding.projectLanguage);
	const mail = invitationMail(branding, {
		language: languageOf(issued.contact.user),
		name: displayName(issued.contact),
		customer,
		link: linkPlaceholder,
		expiresAt: issued.expiresAt,
	});
	return queueMail(outbox, {
		kind: 'invitation',
		to: issued.contact.email,
		mail,
		link: invitationLink(publicUrl, issued.token),
		invitation: issued.invitation,
	});
}
