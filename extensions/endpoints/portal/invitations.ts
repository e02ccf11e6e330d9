/**
 * The invitation API: staff enable a contact's login (one contact, or every contact of a customer), resend
 * or revoke; the invited person looks the invitation up and accepts it by choosing a password.
 */
import type { EndpointExtensionContext } from '@directus/types';
import type { Router } from 'express';
import { fetchPortalSettings } from '../../../src/settings/fetch-portal-settings.ts';
import { writeAudit } from '../../../src/audit/write-audit.ts';
import { isInvitedWithCustomer } from '../../../src/invitations/is-invited-with-customer.ts';
import { InvitationRefusedError } from '../../../src/errors/invitation-refused-error.ts';
import { invitationExplanation } from '../../../src/errors/invitation-not-usable-error.ts';
import { displayName } from '../../../src/invitations/display-name.ts';
import type { DirectusContext } from '../../../src/directus/directus-context.ts';
import { inviteContact, type IssuedInvitation } from '../../../src/invitations/invite-contact.ts';
import { acceptInvitation } from '../../../src/invitations/accept-invitation.ts';
import { findInvitationByToken } from '../../../src/invitations/find-invitation-by-token.ts';
import { resendInvitation } from '../../../src/invitations/resend-invitation.ts';
import { revokeInvitation } from '../../../src/invitations/revoke-invitation.ts';
import { queueInvitationMail } from '../../../src/invitations/queue-invitation-mail.ts';
import { fetchMailBranding } from '../../../src/mail/fetch-mail-branding.ts';
import { fetchPortalLanguages } from '../../../src/i18n/fetch-portal-languages.ts';
import { queueMail } from '../../../src/mail/outbox.ts';
import { outboxContext } from '../../shared/outbox-state.ts';
import { welcomeMail } from '../../../src/mail/portal-mails.ts';
import type { ContactKey } from '../../../src/access/contact-access-fields.ts';
import { contactKeyFrom } from '../../../src/access/contact-key-from.ts';
import { contactKeyType } from '../../../src/access/contact-key-type.ts';
import { fetchCustomerName } from '../../../src/customers/fetch-customer-name.ts';
import { readContacts } from '../../../src/invitations/read-contacts.ts';
import { fetchDataMap } from '../../../src/settings/fetch-data-map.ts';
import { handle } from './handle.ts';
import { accountabilityOf, ipOf, maintenanceContext, publicUrl, staffContext } from './request-context.ts';

function positiveId(value: unknown, what: string): number {
	const id = Number(value);
	if (!Number.isSafeInteger(id) || id <= 0)
		throw new InvitationRefusedError({ reason: `${what} must be a positive whole number.` });
	return id;
}

export function registerInvitationRoutes(router: Router, context: EndpointExtensionContext): void {
	/** An issued invitation, its e-mail queued in the outbox (`outbox`: the mail's id there). */
	const describe = (issued: IssuedInvitation, outbox: number) => ({
		id: issued.invitation,
		contact: issued.contact.id,
		email: issued.contact.email,
		expires_at: issued.expiresAt.toISOString(),
		email_status: 'queued',
		outbox,
	});
	const queue = (maintenance: DirectusContext, issued: IssuedInvitation) =>
		queueInvitationMail(maintenance, outboxContext(maintenance.knex, context.env), issued, publicUrl(context));

	router.post(
		'/api/invitations',
		handle(async (request, response) => {
			const { maintenance, settings } = await staffContext(context, request);
			const accountability = accountabilityOf(request);
			const body = (request.body ?? {}) as { contact?: unknown; customer?: unknown };
			if ((body.contact === undefined) === (body.customer === undefined)) {
				throw new InvitationRefusedError({
					reason: 'Send either "contact" (one contact) or "customer" (every contact of a customer without a login).',
				});
			}
			const contacts = (await fetchDataMap(maintenance)).contacts;
			let contactIds: ContactKey[];
			if (body.contact !== undefined) {
				const key = contactKeyFrom(body.contact, contactKeyType(maintenance.schema, contacts));
				if (key === null) throw new InvitationRefusedError({ reason: '"contact" must be the id of a contact.' });
				contactIds = [key];
			} else {
				// Every contact of the customer without a login, with an address, and active (where the map keeps a status).
				contactIds = (
					await readContacts(maintenance.knex, contacts, { customer: positiveId(body.customer, '"customer"') })
				)
					.filter(isInvitedWithCustomer)
					.map((contact) => contact.id)
					.sort((a, b) =>
						typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
					);
			}

			const results = [];
			for (const contactId of contactIds) {
				try {
					const issued = await inviteContact(maintenance, {
						contactId,
						invitedBy: accountability?.user ?? null,
						settings,
						ttlHours: settings.invite_ttl_hours,
					});
					const outbox = await queue(maintenance, issued);
					await writeAudit(maintenance, {
						action: 'invitation.sent',
						actor_user: accountability?.user,
						customer: issued.contact.customer,
						target_collection: contacts.collection,
						target_id: contactId,
						details: { invitation: issued.invitation, outbox },
						ip: ipOf(request),
					});
					results.push(describe(issued, outbox));
				} catch (error) {
					// One contact: its refusal is the answer. A whole customer: report each contact's refusal and go on.
					if (body.contact !== undefined) throw error;
					results.push({ contact: contactId, error: error instanceof Error ? error.message : String(error) });
				}
			}
			response.status(201).json({ data: body.contact !== undefined ? results[0] : results });
		}),
	);

	router.post(
		'/api/invitations/accept',
		handle(async (request, response) => {
			const maintenance = await maintenanceContext(context);
			const settings = await fetchPortalSettings(maintenance);
			const body = (request.body ?? {}) as { token?: unknown; password?: unknown };
			const { contact, invitation } = await acceptInvitation(maintenance, {
				token: body.token,
				password: body.password,
				settings,
			});
			await writeAudit(maintenance, {
				action: 'invitation.accepted',
				actor_user: contact.user,
				actor_contact: contact.id,
				customer: contact.customer,
				target_collection: 'portal_invitations',
				target_id: invitation.id,
				ip: ipOf(request),
			});
			const branding = await fetchMailBranding(maintenance, settings);
			const languageOf = await fetchPortalLanguages(maintenance.knex, [contact.user], branding.projectLanguage);
			await queueMail(outboxContext(maintenance.knex, context.env), {
				kind: 'welcome',
				to: contact.email,
				mail: welcomeMail(branding, {
					language: languageOf(contact.user),
					name: displayName(contact),
					portalUrl: `${publicUrl(context)}/portal/`,
					email: contact.email,
				}),
			});
			response.json({ data: { email: contact.email } });
		}),
	);

	router.get(
		'/api/invitations/lookup',
		handle(async (request, response) => {
			const maintenance = await maintenanceContext(context);
			const found = await findInvitationByToken(maintenance, request.query['token']);
			if (found.state !== 'pending' || !found.contact || !found.invitation) {
				response.json({ data: { valid: false, state: found.state, message: invitationExplanation(found.state) } });
				return;
			}
			const customer = await fetchCustomerName(maintenance, found.contact.customer);
			response.json({
				data: {
					valid: true,
					state: 'pending',
					email: found.contact.email,
					first_name: found.contact.first_name,
					last_name: found.contact.last_name,
					customer,
					expires_at: new Date(found.invitation.expires_at).toISOString(),
				},
			});
		}),
	);

	router.post(
		'/api/invitations/:id/resend',
		handle(async (request, response) => {
			const { maintenance, settings } = await staffContext(context, request);
			const accountability = accountabilityOf(request);
			const issued = await resendInvitation(maintenance, {
				id: positiveId(request.params['id'], 'The invitation id'),
				settings,
				ttlHours: settings.invite_ttl_hours,
			});
			const outbox = await queue(maintenance, issued);
			await writeAudit(maintenance, {
				action: 'invitation.resent',
				actor_user: accountability?.user,
				customer: issued.contact.customer,
				target_collection: 'portal_invitations',
				target_id: issued.invitation,
				details: { outbox },
				ip: ipOf(request),
			});
			response.json({ data: describe(issued, outbox) });
		}),
	);

	router.delete(
		'/api/invitations/:id',
		handle(async (request, response) => {
			const { maintenance } = await staffContext(context, request);
			const accountability = accountabilityOf(request);
			const invitation = await revokeInvitation(maintenance, {
				id: positiveId(request.params['id'], 'The invitation id'),
			});
			await writeAudit(maintenance, {
				action: 'invitation.revoked',
				actor_user: accountability?.user,
				target_collection: 'portal_invitations',
				target_id: invitation.id,
				details: { contact: invitation.contact },
				ip: ipOf(request),
			});
			response.status(204).end();
		}),
	);
}
