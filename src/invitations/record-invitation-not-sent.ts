import type { DirectusContext } from '../directus/directus-context.ts';
import type { IssuedInvitation } from './invite-contact.ts';

/**
 * The e-mail of an issued invitation could not be sent (the mail server was down or refused it): its
 * delivery record goes back to what it said before, so staff see it as not sent. The invitation itself
 * stays valid; resending it once mail works sends a new link.
 */
export async function recordInvitationNotSent(
	context: DirectusContext,
	issued: Pick<IssuedInvitation, 'invitation' | 'previousDelivery'>,
): Promise<void> {
	await context
		.knex('portal_invitations')
		.where('id', issued.invitation)
		.update({ sent_count: issued.previousDelivery.sent_count, last_sent_at: issued.previousDelivery.last_sent_at });
}
