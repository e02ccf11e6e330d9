import { syncUserAccess } from '../access/sync-user-access.ts';
import { type DirectusContext, inTransaction } from '../directus/directus-context.ts';
import type { PortalSettingsRecord } from '../access/portal-records.ts';
import { InvitationNotUsableError } from '../errors/invitation-not-usable-error.ts';
import { assertInvitationPassword } from './assert-invitation-password.ts';
import { assertInvitationUsable } from './assert-invitation-usable.ts';
import { findInvitationByToken } from './find-invitation-by-token.ts';
import type { InvitableContact, InvitationRecord } from './invitation-records.ts';
import { assertInvitable } from './assert-invitable.ts';
import { cancelInvitationMails } from '../mail/outbox.ts';

/**
 * Sets the password (under Directus's own password policy), activates the user and uses up the token,
 * in one transaction; a second accept of the same link finds it used. Once that has committed, the now
 * active user gets its group's policy and its customer's badge, which an invited user does not hold.
 */
export async function acceptInvitation(
	context: DirectusContext,
	{
		token,
		password,
		settings,
		now = new Date(),
	}: { token: unknown; password: unknown; settings: PortalSettingsRecord; now?: Date },
): Promise<{ contact: InvitableContact & { email: string }; invitation: InvitationRecord }> {
	assertInvitationPassword(password);
	const accepted = await inTransaction(context, async (trx) => {
		const found = await findInvitationByToken(trx, token, now);
		assertInvitationUsable(found);
		const { invitation, contact } = found;
		if (!contact.user || !contact.email) throw new InvitationNotUsableError({ state: 'revoked' });
		await assertInvitable(trx, contact, settings);
		// Marks the token used first, conditionally, so two accepts racing for one link cannot both win.
		const claimed = await trx
			.knex('portal_invitations')
			.where('id', invitation.id)
			.whereNull('accepted_at')
			.whereNull('revoked_at')
			.update({ accepted_at: now });
		if (claimed !== 1) throw new InvitationNotUsableError({ state: 'accepted' });
		// Its link has done its work: a copy of the mail still waiting is not sent.
		await cancelInvitationMails(trx.knex, invitation.id);
		const users = new trx.services.UsersService({ knex: trx.knex, schema: trx.schema, accountability: null });
		await users.updateOne(contact.user, { password, status: 'active' });
		return { contact: { ...contact, email: contact.email, user: contact.user }, invitation };
	});
	if (settings.portal_role)
		await syncUserAccess(context, accepted.contact.user, settings.portal_role, settings.default_group);
	return accepted;
}
