/** Resending, revoking, looking up and accepting invitations. */
import { syncUserAccess } from '../access/contact-access.ts';
import { adminService, inTransaction, type DirectusContext } from '../access/directus-context.ts';
import type { PortalSettingsRecord } from '../access/portal-records.ts';
import { InvitationConflictError } from '../errors/invitation-conflict-error.ts';
import { InvitationNotUsableError } from '../errors/invitation-not-usable-error.ts';
import { InvitationRefusedError } from '../errors/invitation-refused-error.ts';
import { contactFields, type InvitableContact, type InvitationRecord } from './invitation-records.ts';
import { invitationExpiry, invitationState, type InvitationState } from './invitation-state.ts';
import { assertInvitable, type IssuedInvitation } from './invite-contact.ts';
import { createInvitationToken, hashInvitationToken, invitationTokenPattern, tokenMatchesHash } from './invitation-token.ts';

const invitationFields = ['id', 'contact', 'token_hash', 'expires_at', 'accepted_at', 'revoked_at', 'sent_count', 'last_sent_at'];

async function fetchInvitation(context: DirectusContext, id: number): Promise<InvitationRecord> {
	const row = (await context.knex('portal_invitations').select(invitationFields).where('id', id).first()) as InvitationRecord | undefined;
	if (!row) throw new InvitationRefusedError({ reason: `There is no invitation with the id ${id}.` });
	return row;
}

async function fetchContact(context: DirectusContext, id: number): Promise<InvitableContact> {
	return (await adminService(context, 'contacts').readOne(id, { fields: contactFields })) as InvitableContact;
}

/** A new link for an invitation not yet used or withdrawn; the earlier link stops working. */
export async function resendInvitation(
	context: DirectusContext,
	{ id, settings, ttlHours, now = new Date() }: { id: number; settings: PortalSettingsRecord; ttlHours: number; now?: Date },
): Promise<IssuedInvitation> {
	const invitation = await fetchInvitation(context, id);
	const state = invitationState(invitation, now);
	if (state === 'accepted' || state === 'revoked') throw new InvitationConflictError({ reason: `This invitation has been ${state}; it cannot be sent again. Invite the contact anew if needed.` });
	const contact = await fetchContact(context, invitation.contact);
	const email = await assertInvitable(context, contact, settings);
	const { token, hash } = createInvitationToken();
	const expiresAt = invitationExpiry(now, ttlHours);
	await context.knex('portal_invitations').where('id', id).update({ token_hash: hash, expires_at: expiresAt, sent_count: invitation.sent_count + 1, last_sent_at: now });
	return { invitation: id, token, expiresAt, contact: { ...contact, email }, previousDelivery: { sent_count: invitation.sent_count, last_sent_at: invitation.last_sent_at } };
}

/** Withdraws an invitation that has not been used; its link stops working. */
export async function revokeInvitation(context: DirectusContext, { id, now = new Date() }: { id: number; now?: Date }): Promise<InvitationRecord> {
	const invitation = await fetchInvitation(context, id);
	const state = invitationState(invitation, now);
	if (state === 'accepted') throw new InvitationConflictError({ reason: 'This invitation has already been accepted. Suspend the login instead.' });
	if (state !== 'revoked') await context.knex('portal_invitations').where('id', id).update({ revoked_at: now });
	return invitation;
}

export interface FoundInvitation {
	state: InvitationState | 'unknown';
	invitation: InvitationRecord | null;
	contact: InvitableContact | null;
}

/** Finds the invitation a link's token belongs to, without consuming anything. */
export async function findInvitationByToken(context: DirectusContext, token: unknown, now = new Date()): Promise<FoundInvitation> {
	if (typeof token !== 'string' || !invitationTokenPattern.test(token)) return { state: 'unknown', invitation: null, contact: null };
	const invitation = (await context.knex('portal_invitations').select(invitationFields).where('token_hash', hashInvitationToken(token)).first()) as InvitationRecord | undefined;
	if (!invitation || !tokenMatchesHash(token, invitation.token_hash)) return { state: 'unknown', invitation: null, contact: null };
	return { state: invitationState(invitation, now), invitation, contact: await fetchContact(context, invitation.contact) };
}

/**
 * Sets the password (under Directus's own password policy), activates the user and uses up the token,
 * in one transaction; a second accept of the same link finds it used. Once that has committed, the now
 * active user gets its group's policy and its customer's badge, which an invited user does not hold.
 */
export async function acceptInvitation(
	context: DirectusContext,
	{ token, password, settings, now = new Date() }: { token: unknown; password: unknown; settings: PortalSettingsRecord; now?: Date },
): Promise<{ contact: InvitableContact & { email: string }; invitation: InvitationRecord }> {
	if (typeof password !== 'string' || password.length === 0 || password.length > 512) {
		throw new InvitationRefusedError({ reason: 'Choose a password (at most 512 characters).' });
	}
	const accepted = await inTransaction(context, async (trx) => {
		const found = await findInvitationByToken(trx, token, now);
		if (found.state !== 'pending' || !found.invitation || !found.contact) throw new InvitationNotUsableError({ state: found.state });
		const { invitation, contact } = found;
		if (!contact.user || !contact.email) throw new InvitationNotUsableError({ state: 'revoked' });
		await assertInvitable(trx, contact, settings);
		// Marks the token used first, conditionally, so two accepts racing for one link cannot both win.
		const claimed = await trx.knex('portal_invitations').where('id', invitation.id).whereNull('accepted_at').whereNull('revoked_at').update({ accepted_at: now });
		if (claimed !== 1) throw new InvitationNotUsableError({ state: 'accepted' });
		const users = new trx.services.UsersService({ knex: trx.knex, schema: trx.schema, accountability: null });
		await users.updateOne(contact.user, { password, status: 'active' });
		return { contact: { ...contact, email: contact.email, user: contact.user }, invitation };
	});
	if (settings.portal_role) await syncUserAccess(context, accepted.contact.user, settings.portal_role, settings.default_group);
	return accepted;
}

