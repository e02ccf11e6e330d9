import { invitationMail } from '../mail/portal-mails.ts';
import { sendPortalMail } from '../mail/send-portal-mail.ts';
import { fetchMailBranding } from '../mail/fetch-mail-branding.ts';
import { fetchCustomerName } from '../customers/fetch-customer-name.ts';
import { displayName } from './display-name.ts';
import type { IssuedInvitation } from './invite-contact.ts';
import { recordInvitationNotSent } from './record-invitation-not-sent.ts';

/**
 * Sends an issued invitation's e-mail — whoever issued it: staff, a client administrator, or self
 * sign-up. When the mail server fails, the invitation is recorded as not sent, so staff see it and a
 * resend can follow. `publicUrl` is Directus's PUBLIC_URL, without a trailing slash.
 */
export async function sendInvitationMail(
	context: Parameters<typeof sendPortalMail>[0],
	issued: IssuedInvitation,
	publicUrl: string,
): Promise<boolean> {
	const branding = await fetchMailBranding(context);
	const customer = await fetchCustomerName(context, issued.contact.customer);
	const link = `${publicUrl}/portal/accept-invitation?token=${issued.token}`;
	const mail = invitationMail(branding, {
		name: displayName(issued.contact),
		customer: customer ?? 'your company',
		link,
		expiresAt: issued.expiresAt,
	});
	const sent = await sendPortalMail(context, issued.contact.email, mail);
	if (!sent) await recordInvitationNotSent(context, issued);
	return sent;
}
