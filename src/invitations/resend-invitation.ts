import type { DirectusContext } from '../directus/directus-context.ts';
import type { PortalSettingsRecord } from '../access/portal-records.ts';
import { assertInvitationResendable } from './assert-invitation-resendable.ts';
import { fetchInvitableContact } from './fetch-invitable-contact.ts';
import { fetchInvitation } from './fetch-invitation.ts';
import { invitationExpiry, invitationState } from './invitation-state.ts';
import { createInvitationToken } from './invitation-token.ts';
import { assertInvitable } from './assert-invitable.ts';
import type { IssuedInvitation } from './invite-contact.ts';
import { cancelInvitationMails } from '../mail/outbox.ts';

/**
 * A new link for an invitation not yet used or withdrawn; the earlier link stops working, and its mail, if
 * still waiting in the outbox, is not sent.
 */
export async function resendInvitation(
	context: DirectusContext,
	{
		id,
		settings,
		ttlHours,
		now = new Date(),
	}: { id: number; settings: PortalSettingsRecord; ttlHours: number; now?: Date },
): Promise<IssuedInvitation> {
	const invitation = await fetchInvitation(context, id);
	assertInvitationResendable(invitationState(invitation, now));
	const contact = await fetchInvitableContact(context, invitation.contact);
	const email = await assertInvitable(context, contact, settings);
	const { token, hash } = createInvitationToken();
	const expiresAt = invitationExpiry(now, ttlHours);
	await context.knex('portal_invitations').where('id', id).update({ token_hash: hash, expires_at: expiresAt });
	await cancelInvitationMails(context.knex, id);
	return { invitation: id, token, expiresAt, contact: { ...contact, email } };
}
