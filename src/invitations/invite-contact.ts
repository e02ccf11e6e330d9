/**
 * Enabling a contact's login: checks everything first, then in one transaction creates or reuses the
 * contact's Directus user (status "invited" and no password until the invitation is accepted, linked to
 * the contact, which puts it under the portal role and its group's policy), withdraws any earlier open
 * invitation and stores the new one. The caller sends the e-mail once this has committed.
 */
import { assertGroupPermissions } from '../groups/assert-group-permissions.ts';
import { grantsPortalAccess } from '../groups/normalize-group-permissions.ts';
import { adminService, inTransaction, type DirectusContext } from '../access/directus-context.ts';
import { fetchGroupPolicies, staffPolicies } from '../access/contact-access.ts';
import type { PortalGroupRecord, PortalSettingsRecord } from '../access/portal-records.ts';
import { InvitationConflictError } from '../errors/invitation-conflict-error.ts';
import { InvitationRefusedError } from '../errors/invitation-refused-error.ts';
import { contactFields, displayName, type InvitableContact } from './invitation-records.ts';
import { invitationExpiry } from './invitation-state.ts';
import { createInvitationToken } from './invitation-token.ts';

/** What an invitation's delivery record said before this issue counted it as sent. */
export interface InvitationDelivery {
	sent_count: number;
	last_sent_at: string | Date | null;
}

export interface IssuedInvitation {
	invitation: number;
	token: string;
	expiresAt: Date;
	contact: InvitableContact & { email: string };
	/** Counted as sent when issued, since the caller sends at once; see `recordInvitationNotSent` when it could not. */
	previousDelivery: InvitationDelivery;
}

interface UserRow {
	id: string;
	email: string;
	role: string | null;
	status: string;
}

/** Throws, in words staff can act on, when a contact cannot be invited; returns its e-mail otherwise. */
export async function assertInvitable(context: DirectusContext, contact: InvitableContact, settings: PortalSettingsRecord): Promise<string> {
	const name = displayName(contact);
	if (!contact.email) throw new InvitationRefusedError({ reason: `${name} has no e-mail address. Add one to the contact first.` });
	if (contact.status !== 'active') throw new InvitationRefusedError({ reason: `${name} is inactive. Set the contact to active first.` });
	const groupId = contact.portal_group ?? settings.default_group;
	if (groupId === null) throw new InvitationRefusedError({ reason: `${name} has no portal group and there is no default group. Choose a group first.` });
	const group = (await adminService(context, 'portal_groups').readOne(groupId, { fields: ['id', 'name', 'permissions'] })) as PortalGroupRecord;
	if (!grantsPortalAccess(assertGroupPermissions(group.permissions ?? {}))) {
		throw new InvitationRefusedError({ reason: `${name} is in the portal group "${group.name}", which cannot sign in. Move the contact to another group first.` });
	}
	const email = contact.email.trim().toLowerCase();
	const sameEmail = (await context.knex('directus_users').select('id', 'email', 'role', 'status').whereRaw('lower(email) = ?', [email])) as UserRow[];
	const groupPolicies = new Set(await fetchGroupPolicies(context));
	for (const user of sameEmail) {
		if (user.id === contact.user) continue;
		const policies = (await context.knex('directus_access').select('policy').where('user', user.id)) as { policy: string }[];
		const foreign = await staffPolicies(
			context,
			policies.map((row) => row.policy),
			groupPolicies,
		);
		const staff = (user.role !== null && user.role !== settings.portal_role) || foreign.length > 0;
		if (staff) throw new InvitationRefusedError({ reason: `The e-mail address ${email} belongs to a staff user. A portal contact needs an e-mail address of its own.` });
		const linked = (await context.knex('contacts').select('id').where('user', user.id).first()) as { id: number } | undefined;
		if (linked) throw new InvitationRefusedError({ reason: `The e-mail address ${email} already signs in as another contact (${linked.id}).` });
	}
	if (contact.user) {
		const user = (await context.knex('directus_users').select('status').where('id', contact.user).first()) as Pick<UserRow, 'status'> | undefined;
		if (user && user.status !== 'invited') throw new InvitationConflictError({ reason: `${name} already has a login (${user.status}). Send a password reset instead.` });
	}
	return email;
}

export async function inviteContact(
	context: DirectusContext,
	{ contactId, invitedBy, settings, ttlHours, now = new Date() }: { contactId: number; invitedBy: string | null; settings: PortalSettingsRecord; ttlHours: number; now?: Date },
): Promise<IssuedInvitation> {
	const contacts = adminService(context, 'contacts');
	const found = (await contacts.readByQuery({ filter: { id: { _eq: contactId } }, fields: contactFields, limit: 1 })) as InvitableContact[];
	const contact = found[0];
	if (!contact) throw new InvitationRefusedError({ reason: `There is no contact with the id ${contactId}.` });
	const email = await assertInvitable(context, contact, settings);

	return inTransaction(context, async (trx) => {
		let user = contact.user;
		if (!user) {
			const users = new trx.services.UsersService({ knex: trx.knex, schema: trx.schema, accountability: null });
			const existing = (await trx.knex('directus_users').select('id').whereRaw('lower(email) = ?', [email]).first()) as { id: string } | undefined;
			// A user with this address that no contact holds (a login staff took away, or one made by hand)
			// is reused as invited and without its password: whatever it could do before, it signs in again
			// only once this invitation is accepted with a new password. Before linking, so the link keeps it invited.
			if (existing) await users.updateOne(existing.id, { status: 'invited', password: null });
			user = existing?.id ?? String(await users.createOne({ email, first_name: contact.first_name, last_name: contact.last_name, status: 'invited' }));
			// Linking runs the product's own contact hooks: portal role, group policy, default group.
			await adminService(trx, 'contacts').updateOne(contact.id, { user });
		}
		await trx.knex('portal_invitations').where('contact', contact.id).whereNull('accepted_at').whereNull('revoked_at').update({ revoked_at: now });
		const { token, hash } = createInvitationToken();
		const expiresAt = invitationExpiry(now, ttlHours);
		const [row] = (await trx.knex('portal_invitations').insert({ contact: contact.id, token_hash: hash, expires_at: expiresAt, invited_by: invitedBy, sent_count: 1, last_sent_at: now, date_created: now }).returning('id')) as ({ id: number } | number)[];
		const invitation = typeof row === 'object' ? row.id : Number(row);
		return { invitation, token, expiresAt, contact: { ...contact, email, user }, previousDelivery: { sent_count: 0, last_sent_at: null } };
	});
}
