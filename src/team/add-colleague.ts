import { adminService, type DirectusContext, inTransaction } from '../directus/directus-context.ts';
import type { ContactKey } from '../access/contact-access-fields.ts';
import type { PortalSettingsRecord } from '../access/portal-records.ts';
import { inviteContact, type IssuedInvitation } from '../invitations/invite-contact.ts';
import type { SignUpInput } from '../requests/parse-sign-up.ts';
import { storedAs } from '../data-map/stored-as.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import { assertNewColleagueAddress } from './assert-new-colleague-address.ts';
import { fetchTeamMember, type TeamAdmin, type TeamMember } from './resolve-team-admin.ts';

/**
 * A client administrator adds a colleague to their own customer, in `group` (already checked as one they may
 * give), and invites them: the address is checked first (`assertNewColleagueAddress`), then the contact and its
 * invitation are written in one transaction, so a refusal at any step leaves no contact, user or invitation
 * behind. The caller sends the invitation e-mail once this has committed.
 */
export async function addColleague(
	context: DirectusContext,
	{
		admin,
		person,
		group,
		settings,
	}: { admin: TeamAdmin; person: SignUpInput; group: number; settings: PortalSettingsRecord },
): Promise<{ member: TeamMember; invitation: IssuedInvitation }> {
	return inTransaction(context, async (trx) => {
		await assertNewColleagueAddress(trx, admin, person.email);
		const contacts = (await fetchDataMap(trx)).contacts;
		const id = (await adminService(trx, contacts.collection).createOne(
			storedAs(contacts, {
				customer: admin.contact.customer,
				email: person.email,
				first_name: person.first_name || null,
				last_name: person.last_name,
				portal_group: group,
				status: 'active',
			}),
		)) as ContactKey;
		const member = await fetchTeamMember(trx, admin, id);
		const invitation = await inviteContact(trx, {
			contactId: id,
			invitedBy: admin.contact.user,
			settings,
			ttlHours: settings.invite_ttl_hours,
		});
		return { member, invitation };
	});
}
