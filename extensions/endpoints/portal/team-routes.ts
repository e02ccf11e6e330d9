/**
 * Delegated administration (`users.manage`): a client administrator looks after their own customer's
 * portal logins — lists colleagues, adds and invites them, resends or withdraws invitations, changes
 * their group, suspends and re-enables them, sends a password reset. Never for another customer,
 * never for themselves, never beyond their own group, and new colleagues only at their own customer's
 * e-mail domains (`addColleague`).
 */
import type { EndpointExtensionContext } from '@directus/types';
import type { Request, Router } from 'express';
import { adminService, type DirectusContext } from '../../../src/access/directus-context.ts';
import { fetchPortalSettings } from '../../../src/access/fetch-portal-settings.ts';
import type { PortalSettingsRecord } from '../../../src/access/portal-records.ts';
import { writeAudit, type AuditEntry } from '../../../src/audit/write-audit.ts';
import { fetchCustomerEmailDomains } from '../../../src/customers/fetch-customer-email-domains.ts';
import { InvitationConflictError } from '../../../src/errors/invitation-conflict-error.ts';
import { TeamActionRefusedError } from '../../../src/errors/team-action-refused-error.ts';
import { displayName } from '../../../src/invitations/invitation-records.ts';
import type { InvitationTimes } from '../../../src/invitations/invitation-state.ts';
import { inviteContact, type IssuedInvitation } from '../../../src/invitations/invite-contact.ts';
import { revokeInvitation } from '../../../src/invitations/manage-invitation.ts';
import { sendInvitationMail } from '../../../src/invitations/send-invitation-mail.ts';
import { limitFromEnv } from '../../../src/rate-limit/limit-from-env.ts';
import { publicRateLimitsFromEnv } from '../../../src/rate-limit/public-rate-limits.ts';
import { parseSignUp } from '../../../src/requests/parse-public-input.ts';
import { addColleague } from '../../../src/team/add-colleague.ts';
import { assertAssignableGroup, assertMayManage, fetchAssignableGroups, fetchTeamMember, resolveTeamAdmin, type TeamAdmin, type TeamMember } from '../../../src/team/resolve-team-admin.ts';
import { teamMemberStatus } from '../../../src/team/team-member-status.ts';
import { handle } from './handle.ts';
import { accountabilityOf, ipOf, maintenanceContext, publicUrl } from './request-context.ts';

export function registerTeamRoutes(router: Router, context: EndpointExtensionContext): void {
	// Every route that sends a mail (invitations, password resets) counts per acting user and per
	// address mailed, so a client administrator's session cannot flood anyone's inbox.
	const mails = publicRateLimitsFromEnv(context.env, { name: 'team', perIp: limitFromEnv(context.env, 'PORTAL_TEAM_LIMIT_PER_USER', 20) });
	const countMail = (admin: TeamAdmin, email: string | null) => mails.consume(admin.contact.user, email ?? '');

	async function teamContext(request: Request): Promise<{ maintenance: DirectusContext; settings: PortalSettingsRecord; admin: TeamAdmin }> {
		const maintenance = await maintenanceContext(context);
		const settings = await fetchPortalSettings(maintenance);
		return { maintenance, settings, admin: await resolveTeamAdmin(maintenance, accountabilityOf(request), settings) };
	}

	const audit = (maintenance: DirectusContext, request: Request, admin: TeamAdmin, action: string, member: TeamMember, details: Record<string, unknown> = {}) => {
		const entry: AuditEntry = { action, actor_user: admin.contact.user, actor_contact: admin.contact.id, customer: admin.contact.customer, target_collection: 'contacts', target_id: member.id, details, ip: ipOf(request) };
		return writeAudit(maintenance, entry);
	};

	async function mailInvitation(maintenance: DirectusContext, issued: IssuedInvitation) {
		const sent = await sendInvitationMail({ ...maintenance, logger: context.logger }, issued, publicUrl(context));
		return { invitation: issued.invitation, expires_at: issued.expiresAt.toISOString(), email_sent: sent };
	}

	async function invite(maintenance: DirectusContext, settings: PortalSettingsRecord, admin: TeamAdmin, member: TeamMember) {
		return mailInvitation(maintenance, await inviteContact(maintenance, { contactId: member.id, invitedBy: admin.contact.user, settings, ttlHours: settings.invite_ttl_hours }));
	}

	router.get(
		'/api/team',
		handle(async (request, response) => {
			const { maintenance, settings, admin } = await teamContext(request);
			const members = (await adminService(maintenance, 'contacts').readByQuery({
				filter: { customer: { _eq: admin.contact.customer } },
				fields: ['id', 'first_name', 'last_name', 'email', 'user', 'portal_group', 'login_suspended', 'status'],
				sort: ['last_name', 'first_name', 'id'],
				limit: -1,
			})) as (TeamMember & { status: string })[];
			const users = new Map(((await maintenance.knex('directus_users').select('id', 'status').whereIn('id', members.map((member) => member.user).filter((user): user is string => user !== null))) as { id: string; status: string }[]).map((user) => [user.id, user.status]));
			const invitations = (await maintenance.knex('portal_invitations').select('contact', 'expires_at', 'accepted_at', 'revoked_at').whereIn('contact', members.map((member) => member.id)).orderBy('id', 'asc')) as (InvitationTimes & { contact: number })[];
			const latest = new Map(invitations.map((invitation) => [invitation.contact, invitation]));
			const groups = new Map(((await maintenance.knex('portal_groups').select('id', 'name')) as { id: number; name: string }[]).map((group) => [group.id, group.name]));
			const now = new Date();
			response.json({
				data: members.map((member) => {
					const invitation = latest.get(member.id) ?? null;
					const status = teamMemberStatus(member.user ? (users.get(member.user) ?? null) : null, invitation, now);
					const groupId = member.portal_group ?? settings.default_group;
					return {
						id: member.id,
						first_name: member.first_name,
						last_name: member.last_name,
						email: member.email,
						status,
						invited_until: status === 'invited' && invitation ? new Date(invitation.expires_at).toISOString() : null,
						group: groupId === null ? null : { id: groupId, name: groups.get(groupId) ?? null },
						is_you: member.id === admin.contact.id,
					};
				}),
				// The domains new colleagues' addresses must be at (none: staff add new colleagues).
				meta: { assignable_groups: await fetchAssignableGroups(maintenance, admin), email_domains: await fetchCustomerEmailDomains(maintenance, admin.contact.customer) },
			});
		}),
	);

	router.post(
		'/api/team',
		handle(async (request, response) => {
			const { maintenance, settings, admin } = await teamContext(request);
			const body = (request.body ?? {}) as Record<string, unknown>;
			const { group: requestedGroup, ...person } = body;
			const input = parseSignUp(person);
			const group = await assertAssignableGroup(maintenance, admin, requestedGroup ?? settings.default_group);
			await countMail(admin, input.email);
			const { member, invitation: issued } = await addColleague(maintenance, { admin, person: input, group, settings });
			await audit(maintenance, request, admin, 'team.contact_added', member, { group });
			const invitation = await mailInvitation(maintenance, issued);
			await audit(maintenance, request, admin, 'invitation.sent', member, { invitation: invitation.invitation, email_sent: invitation.email_sent });
			response.status(201).json({ data: { id: member.id, ...invitation } });
		}),
	);

	router.post(
		'/api/team/:id/invitation',
		handle(async (request, response) => {
			const { maintenance, settings, admin } = await teamContext(request);
			const member = await fetchTeamMember(maintenance, admin, request.params['id']);
			await assertMayManage(maintenance, admin, member, settings);
			await countMail(admin, member.email);
			const invitation = await invite(maintenance, settings, admin, member);
			await audit(maintenance, request, admin, 'invitation.sent', member, { invitation: invitation.invitation, email_sent: invitation.email_sent });
			response.status(201).json({ data: invitation });
		}),
	);

	router.delete(
		'/api/team/:id/invitation',
		handle(async (request, response) => {
			const { maintenance, settings, admin } = await teamContext(request);
			const member = await fetchTeamMember(maintenance, admin, request.params['id']);
			await assertMayManage(maintenance, admin, member, settings);
			const open = (await maintenance.knex('portal_invitations').select('id').where('contact', member.id).whereNull('accepted_at').whereNull('revoked_at').orderBy('id', 'desc').first()) as { id: number } | undefined;
			if (!open) throw new InvitationConflictError({ reason: `${displayName(member)} has no open invitation.` });
			await revokeInvitation(maintenance, { id: open.id });
			await audit(maintenance, request, admin, 'invitation.revoked', member, { invitation: open.id });
			response.status(204).end();
		}),
	);

	router.patch(
		'/api/team/:id',
		handle(async (request, response) => {
			const { maintenance, settings, admin } = await teamContext(request);
			const member = await fetchTeamMember(maintenance, admin, request.params['id']);
			await assertMayManage(maintenance, admin, member, settings);
			const body = (request.body ?? {}) as Record<string, unknown>;
			const unknown = Object.keys(body).filter((key) => key !== 'group');
			if (unknown.length > 0 || body['group'] === undefined) throw new TeamActionRefusedError({ reason: 'Send only "group": the id of one of the groups offered to you.' });
			const group = await assertAssignableGroup(maintenance, admin, body['group']);
			await adminService(maintenance, 'contacts').updateOne(member.id, { portal_group: group });
			await audit(maintenance, request, admin, 'team.group_changed', member, { from: member.portal_group, to: group });
			response.json({ data: { id: member.id, group } });
		}),
	);

	for (const [path, suspended] of [['suspend', true], ['reactivate', false]] as const) {
		router.post(
			`/api/team/:id/${path}`,
			handle(async (request, response) => {
				const { maintenance, settings, admin } = await teamContext(request);
				const member = await fetchTeamMember(maintenance, admin, request.params['id']);
				await assertMayManage(maintenance, admin, member, settings);
				await adminService(maintenance, 'contacts').updateOne(member.id, { login_suspended: suspended });
				await audit(maintenance, request, admin, suspended ? 'team.suspended' : 'team.reactivated', member);
				response.json({ data: { id: member.id, login_suspended: suspended } });
			}),
		);
	}

	router.post(
		'/api/team/:id/password-reset',
		handle(async (request, response) => {
			const { maintenance, settings, admin } = await teamContext(request);
			const member = await fetchTeamMember(maintenance, admin, request.params['id']);
			await assertMayManage(maintenance, admin, member, settings);
			const user = member.user ? ((await maintenance.knex('directus_users').select('email', 'status').where('id', member.user).first()) as { email: string; status: string } | undefined) : undefined;
			if (!user || user.status !== 'active') throw new TeamActionRefusedError({ reason: `${displayName(member)} has no active login to reset. Send an invitation instead.` });
			await countMail(admin, user.email);
			const users = new maintenance.services.UsersService({ knex: maintenance.knex, schema: maintenance.schema, accountability: null });
			await users.requestPasswordReset(user.email, `${publicUrl(context)}/portal/reset-password`);
			await audit(maintenance, request, admin, 'team.password_reset', member);
			response.status(202).json({ data: { id: member.id } });
		}),
	);
}
