import type { DirectusContext } from '../directus/directus-context.ts';
import type { PortalSettingsRecord } from '../access/portal-records.ts';
import { fetchCustomerEmailDomains } from '../customers/fetch-customer-email-domains.ts';
import type { InvitationTimes } from '../invitations/invitation-state.ts';
import { readContacts } from '../invitations/read-contacts.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import type { ContactKey } from '../access/contact-access-fields.ts';
import { contactLoginStatus } from './contact-login-status.ts';
import { fetchAssignableGroups, type TeamAdmin } from './resolve-team-admin.ts';

/** The admin's colleagues with their login status and group, and what the admin may give new colleagues. */
export async function listTeam(
	context: DirectusContext,
	{ admin, settings, now }: { admin: TeamAdmin; settings: PortalSettingsRecord; now: Date },
) {
	const members = await readContacts(context.knex, (await fetchDataMap(context)).contacts, {
		customer: admin.contact.customer,
	});
	const linked = members.map((member) => member.user).filter((user): user is string => user !== null);
	const users = new Map(
		(
			(await context.knex('directus_users').select('id', 'status').whereIn('id', linked)) as {
				id: string;
				status: string;
			}[]
		).map((user) => [user.id, user.status]),
	);
	const invitations = (await context
		.knex('portal_invitations')
		.select('contact', 'expires_at', 'accepted_at', 'revoked_at')
		.whereIn(
			'contact',
			members.map((member) => member.id),
		)
		.orderBy('id', 'asc')) as (InvitationTimes & { contact: ContactKey })[];
	const latest = new Map(invitations.map((invitation) => [String(invitation.contact), invitation]));
	const groups = new Map(
		((await context.knex('portal_groups').select('id', 'name')) as { id: number; name: string }[]).map((group) => [
			group.id,
			group.name,
		]),
	);
	return {
		data: members.map((member) => {
			const invitation = latest.get(String(member.id)) ?? null;
			const userStatus = member.user ? (users.get(member.user) ?? null) : null;
			const status = contactLoginStatus('client_admin', {
				userStatus,
				loginSuspended: member.login_suspended,
				invitation,
				now,
			});
			const groupId = member.portal_group ?? settings.default_group;
			return {
				id: member.id,
				first_name: member.first_name,
				last_name: member.last_name,
				email: member.email,
				status,
				invited_until: status === 'invited' && invitation ? new Date(invitation.expires_at).toISOString() : null,
				group: groupId === null ? null : { id: groupId, name: groups.get(groupId) ?? null },
				is_you: String(member.id) === String(admin.contact.id),
			};
		}),
		// The domains new colleagues' addresses must be at (none: staff add new colleagues).
		meta: {
			assignable_groups: await fetchAssignableGroups(context, admin),
			email_domains: await fetchCustomerEmailDomains(context, admin.contact.customer),
		},
	};
}
