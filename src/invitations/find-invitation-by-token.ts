import type { DirectusContext } from '../directus/directus-context.ts';
import { fetchInvitableContact } from './fetch-invitable-contact.ts';
import { invitationFields } from './invitation-fields.ts';
import type { InvitableContact, InvitationRecord } from './invitation-records.ts';
import { invitationState, type InvitationState } from './invitation-state.ts';
import { hashInvitationToken, invitationTokenPattern, tokenMatchesHash } from './invitation-token.ts';

export interface FoundInvitation {
	state: InvitationState | 'unknown';
	invitation: InvitationRecord | null;
	contact: InvitableContact | null;
}

/** Finds the invitation a link's token belongs to, without consuming anything. */
export async function findInvitationByToken(
	context: DirectusContext,
	token: unknown,
	now = new Date(),
): Promise<FoundInvitation> {
	if (typeof token !== 'string' || !invitationTokenPattern.test(token))
		return { state: 'unknown', invitation: null, contact: null };
	const invitation = (await context
		.knex('portal_invitations')
		.select(invitationFields)
		.where('token_hash', hashInvitationToken(token))
		.first()) as InvitationRecord | undefined;
	if (!invitation || !tokenMatchesHash(token, invitation.token_hash))
		return { state: 'unknown', invitation: null, contact: null };
	return {
		state: invitationState(invitation, now),
		invitation,
		contact: await fetchInvitableContact(context, invitation.contact),
	};
}
