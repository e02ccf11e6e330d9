import type { DirectusContext } from '../directus/directus-context.ts';
import { assertInvitationRevocable } from './assert-invitation-revocable.ts';
import { fetchInvitation } from './fetch-invitation.ts';
import type { InvitationRecord } from './invitation-records.ts';
import { invitationState } from './invitation-state.ts';
import { cancelInvitationMails } from '../mail/outbox.ts';

/** Withdraws an invitation that has not been used; its link stops working, and a mail of it still waiting is not sent. */
export async function revokeInvitation(
	context: DirectusContext,
	{ id, now = new Date() }: { id: number; now?: Date },
): Promise<InvitationRecord> {
	const invitation = await fetchInvitation(context, id);
	const state = invitationState(invitation, now);
	assertInvitationRevocable(state);
	if (state !== 'revoked') await context.knex('portal_invitations').where('id', id).update({ revoked_at: now });
	await cancelInvitationMails(context.knex, id);
	return invitation;
}
