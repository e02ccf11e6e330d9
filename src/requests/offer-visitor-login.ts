import type { DirectusContext } from '../directus/directus-context.ts';
import type { PortalSettingsRecord } from '../access/portal-records.ts';
import type { InvitableContact } from '../invitations/invitation-records.ts';
import { inviteContact, type IssuedInvitation } from '../invitations/invite-contact.ts';
import { findVisitorLoginObstacle } from './find-visitor-login-obstacle.ts';

/**
 * An invitation for a contact a visitor wrote as, when a visitor may set up its login
 * (`findVisitorLoginObstacle`) and the contact may have one (`assertInvitable`: an e-mail address, active,
 * not a staff address, no login yet…); null otherwise, with the reason in the log. The caller answers the
 * visitor the same either way.
 */
export async function offerVisitorLogin(
	context: DirectusContext & { logger: { info(message: string): void } },
	{ contact, email, settings }: { contact: InvitableContact; email: string; settings: PortalSettingsRecord },
): Promise<IssuedInvitation | null> {
	const refuse = (reason: string) => {
		context.logger.info(`Customer Portal: no login offered to contact ${contact.id}: ${reason}`);
		return null;
	};
	const obstacle = await findVisitorLoginObstacle(context, { contact, email, settings });
	if (obstacle) return refuse(obstacle);
	try {
		return await inviteContact(context, {
			contactId: contact.id,
			invitedBy: null,
			settings,
			ttlHours: settings.invite_ttl_hours,
		});
	} catch (error) {
		return refuse(error instanceof Error ? error.message : String(error));
	}
}
