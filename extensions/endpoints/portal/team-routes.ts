/**
 * Delegated administration (`users.manage`): a client administrator looks after their own customer's
 * portal logins — lists colleagues, adds and invites them, resends or withdraws invitations, changes
 * their group, suspends and re-enables them, sends a password reset. Never for another customer,
 * never for themselves, never beyond their own group, and new colleagues only at their own customer's
 * e-mail domains (`addColleague`).
 */
import type { EndpointExtensionContext } from '@directus/types';
import type { Request, Router } from 'express';
import { adminService, type DirectusContext, systemService } from '../../../src/directus/directus-context.ts';
import { fetchPortalSettings } from '../../../src/settings/fetch-portal-settings.ts';
import type { PortalSettingsRecord } from '../../../src/access/portal-records.ts';
import { type AuditEntry, writeAudit } from '../../../src/audit/write-audit.ts';
import { InvitationConflictError } from '../../../src/errors/invitation-conflict-error.ts';
import { displayName } from '../../../src/invitations/display-name.ts';
import { inviteContact, type IssuedInvitation } from '../../../src/invitations/invite-contact.ts';
import { revokeInvitation } from '../../../src/invitations/revoke-invitation.ts';
import { queueInvitationMail } from '../../../src/invitations/queue-invitation-mail.ts';
import { outboxContext } from '../../shared/outbox-state.ts';
import { limitFromEnv } from '../../../src/rate-limit/limit-from-env.ts';
import { publicRateLimitsFromEnv } from '../../../src/rate-limit/public-rate-limits.ts';
import { parseNewColleague } from '../../../src/requests/parse-new-colleague.ts';
import { addColleague } from '../../../src/team/add-colleague.ts';
import { fetchOpenInvitation } from '../../../src/team/fetch-open-invitation.ts';
import { fetchResetAddress } from '../../../src/team/fetch-reset-address.ts';
import { listTeam } from '../../../src/team/list-team.ts';
import { parseGroupChange } from '../../../src/team/parse-group-change.ts';
import { resolveManagedMember } from '../../../src/team/resolve-managed-member.ts';
import {
	assertAssignableGroup,
	resolveTeamAdmin,
	type TeamAdmin,
	type TeamMember,
} from '../../../src/team/resolve-team-admin.ts';
import type { ObjectMap } from '../../../src/data-map/data-map.ts';
import { storedAs } from '../../../src/data-map/stored-as.ts';
import { fetchDataMap } from '../../../src/settings/fetch-data-map.ts';
import { handle } from './handle.ts';
import { accountabilityOf, ipOf, maintenanceContext, publicUrl } from './request-context.ts';

interface TeamContext {
	maintenance: DirectusContext;
	settings: PortalSettingsRecord;
	admin: TeamAdmin;
	/** Where contacts live: the data map the portal runs on. */
	contacts: ObjectMap<'contacts'>;
}

export function registerTeamRoutes(router: Router, context: EndpointExtensionContext): void {
	// Every route that sends a mail (invitations, password resets) counts per acting user and per
	// address mailed, so a client administrator's session cannot flood anyone's inbox.
	const mails = publicRateLimitsFromEnv(context.env, {
		name: 'team',
		perIp: limitFromEnv(context.env, 'PORTAL_TEAM_LIMIT_PER_USER', 20),
	});
	const countMail = (admin: TeamAdmin, email: string | null) => mails.consume(admin.contact.user, email ?? '');

	async function teamContext(request: Request): Promise<TeamContext> {
		const maintenance = await maintenanceContext(context);
		const settings = await fetchPortalSettings(maintenance);
		return {
			maintenance,
			settings,
			admin: await resolveTeamAdmin(maintenance, accountabilityOf(request), settings),
			contacts: (await fetchDataMap(maintenance)).contacts,
		};
	}

	/** The preamble of every route on one colleague (`:id`). */
	async function memberContext(request: Request): Promise<TeamContext & { member: TeamMember }> {
		const team = await teamContext(request);
		return {
			...team,
			member: await resolveManagedMember(team.maintenance, {
				admin: team.admin,
				settings: team.settings,
				id: request.params['id'],
			}),
		};
	}

	const audit = (
		{ maintenance, admin, contacts }: TeamContext,
		request: Request,
		action: string,
		member: TeamMember,
		details: Record<string, unknown> = {},
	) => {
		const entry: AuditEntry = {
			action,
			actor_user: admin.contact.user,
			actor_contact: admin.contact.id,
			customer: admin.contact.customer,
			target_collection: contacts.collection,
			target_id: member.id,
			details,
			ip: ipOf(request),
		};
		return writeAudit(maintenance, entry);
	};

	/** Queues the invitation's e-mail; the answer says it is on its way (the outbox itself is for staff). */
	async function mailInvitation(maintenance: DirectusContext, issued: IssuedInvitation) {
		const outbox = await queueInvitationMail(
			maintenance,
			outboxContext(maintenance.knex, context.env),
			issued,
			publicUrl(context),
		);
		return {
			invitation: issued.invitation,
			expires_at: issued.expiresAt.toISOString(),
			email_status: 'queued',
			outbox,
		};
	}

	router.get(
		'/api/team',
		handle(async (request, response) => {
			const { maintenance, settings, admin } = await teamContext(request);
			response.json(await listTeam(maintenance, { admin, settings, now: new Date() }));
		}),
	);

	router.post(
		'/api/team',
		handle(async (request, response) => {
			const team = await teamContext(request);
			const { maintenance, settings, admin } = team;
			const { group: requestedGroup, person } = parseNewColleague(request.body);
			const group = await assertAssignableGroup(maintenance, admin, requestedGroup ?? settings.default_group);
			await countMail(admin, person.email);
			const { member, invitation: issued } = await addColleague(maintenance, { admin, person, group, settings });
			await audit(team, request, 'team.contact_added', member, { group });
			const { outbox, ...invitation } = await mailInvitation(maintenance, issued);
			await audit(team, request, 'invitation.sent', member, { invitation: invitation.invitation, outbox });
			response.status(201).json({ data: { id: member.id, ...invitation } });
		}),
	);

	router.post(
		'/api/team/:id/invitation',
		handle(async (request, response) => {
			const team = await memberContext(request);
			const { maintenance, settings, admin, member } = team;
			await countMail(admin, member.email);
			const issued = await inviteContact(maintenance, {
				contactId: member.id,
				invitedBy: admin.contact.user,
				settings,
				ttlHours: settings.invite_ttl_hours,
			});
			const { outbox, ...invitation } = await mailInvitation(maintenance, issued);
			await audit(team, request, 'invitation.sent', member, { invitation: invitation.invitation, outbox });
			response.status(201).json({ data: invitation });
		}),
	);

	router.delete(
		'/api/team/:id/invitation',
		handle(async (request, response) => {
			const team = await memberContext(request);
			const { maintenance, member } = team;
			const open = await fetchOpenInvitation(maintenance, { contact: member.id });
			if (!open) throw new InvitationConflictError({ reason: `${displayName(member)} has no open invitation.` });
			await revokeInvitation(maintenance, { id: open.id });
			await audit(team, request, 'invitation.revoked', member, { invitation: open.id });
			response.status(204).end();
		}),
	);

	router.patch(
		'/api/team/:id',
		handle(async (request, response) => {
			const team = await memberContext(request);
			const { maintenance, admin, member, contacts } = team;
			const group = await assertAssignableGroup(maintenance, admin, parseGroupChange(request.body).group);
			await adminService(maintenance, contacts.collection).updateOne(
				member.id,
				storedAs(contacts, { portal_group: group }),
			);
			await audit(team, request, 'team.group_changed', member, { from: member.portal_group, to: group });
			response.json({ data: { id: member.id, group } });
		}),
	);

	for (const [path, suspended] of [
		['suspend', true],
		['reactivate', false],
	] as const) {
		router.post(
			`/api/team/:id/${path}`,
			handle(async (request, response) => {
				const team = await memberContext(request);
				const { maintenance, member, contacts } = team;
				await adminService(maintenance, contacts.collection).updateOne(
					member.id,
					storedAs(contacts, { login_suspended: suspended }),
				);
				await audit(team, request, suspended ? 'team.suspended' : 'team.reactivated', member);
				response.json({ data: { id: member.id, login_suspended: suspended } });
			}),
		);
	}

	router.post(
		'/api/team/:id/password-reset',
		handle(async (request, response) => {
			const team = await memberContext(request);
			const { maintenance, admin, member } = team;
			const email = await fetchResetAddress(maintenance, { member });
			await countMail(admin, email);
			const users = systemService(maintenance, 'UsersService');
			await users.requestPasswordReset(email, `${publicUrl(context)}/portal/reset-password`);
			await audit(team, request, 'team.password_reset', member);
			response.status(202).json({ data: { id: member.id } });
		}),
	);
}
