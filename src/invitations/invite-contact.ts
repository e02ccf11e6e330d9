/**
 * Enabling a contact's login: checks everything first, then in one transaction creates or reuses the
 * contact's Directus user (status "invited" and no password until the invitation is accepted, linked to
 * the contact, which puts it under the portal role and its group's policy), withdraws any earlier open
 * invitation (and its mail, if still waiting) and stores the new one. The caller queues the e-mail once this
 * has committed; the invitation counts as sent when the outbox has sent it.
 */
import { adminService, type DirectusContext, inTransaction } from '../directus/directus-context.ts';
import type { PortalSettingsRecord } from '../access/portal-records.ts';
import { InvitationRefusedError } from '../errors/invitation-refused-error.ts';
import { assertInvitable } from './assert-invitable.ts';
import type { ContactKey } from '../access/contact-access-fields.ts';
import { storedAs } from '../data-map/stored-as.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import type { InvitableContact } from './invitation-records.ts';
import { readContacts } from './read-contacts.ts';
import { invitationExpiry } from './invitation-state.ts';
import { createInvitationToken } from './invitation-token.ts';
import { cancelInvitationMails } from '../mail/outbox.ts';

export interface IssuedInvitation {
	invitation: number;
	token: string;
	expiresAt: Date;
	contact: InvitableContact & { email: string };
}

export async function inviteContact(
	context: DirectusContext,
	{
		contactId,
		invitedBy,
		settings,
		ttlHours,
		now = new Date(),
	}: { contactId: ContactKey; invitedBy: string | null; settings: PortalSettingsRecord; ttlHours: number; now?: Date },
): Promise<IssuedInvitation> {
	const map = (await fetchDataMap(context)).contacts;
	const [contact] = await readContacts(context.knex, map, { keys: [contactId] });
	if (!contact) throw new InvitationRefusedError({ reason: `There is no contact with the id ${contactId}.` });
	const email = await assertInvitable(context, contact, settings);

	return inTransaction(context, async (trx) => {
		let user = contact.user;
		if (!user) {
			const users = new trx.services.UsersService({ knex: trx.knex, schema: trx.schema, accountability: null });
			const existing = (await trx.knex('directus_users').select('id').whereRaw('lower(email) = ?', [email]).first()) as
				{ id: string } | undefined;
			// A user with this address that no contact holds (a login staff took away, or one made by hand)
			// is reused as invited and without its password: whatever it could do before, it signs in again
			// only once this invitation is accepted with a new password. Before linking, so the link keeps it invited.
			if (existing) await users.updateOne(existing.id, { status: 'invited', password: null });
			user =
				existing?.id ??
				String(
					await users.createOne({
						email,
						first_name: contact.first_name,
						last_name: contact.last_name,
						status: 'invited',
					}),
				);
			// Linking runs the product's own contact hooks: portal role, group policy, default group.
			await adminService(trx, map.collection).updateOne(contact.id, storedAs(map, { user }));
		}
		const open = trx
			.knex('portal_invitations')
			.where('contact', contact.id)
			.whereNull('accepted_at')
			.whereNull('revoked_at');
		for (const { id } of (await open.clone().select('id')) as { id: number }[])
			await cancelInvitationMails(trx.knex, id);
		await open.update({ revoked_at: now });
		const { token, hash } = createInvitationToken();
		const expiresAt = invitationExpiry(now, ttlHours);
		const [row] = (await trx
			.knex('portal_invitations')
			.insert({
				contact: contact.id,
				token_hash: hash,
				expires_at: expiresAt,
				invited_by: invitedBy,
				sent_count: 0,
				last_sent_at: null,
				date_created: now,
			})
			.returning('id')) as ({ id: number } | number)[];
		const invitation = typeof row === 'object' ? row.id : Number(row);
		return {
			invitation,
			token,
			expiresAt,
			contact: { ...contact, email, user },
		};
	});
}
