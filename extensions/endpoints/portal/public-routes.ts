/**
 * What the portal offers visitors who are not signed in, as the portal settings allow: submitting a
 * request (public mode) and asking for a login (self sign-up by e-mail domain). Both answer the same,
 * and as soon, whatever the e-mail address — the work is done after the answer — so they cannot be used
 * to learn who is a customer; both are rate-limited per client address and per e-mail address. Neither
 * undoes what staff decided: a login is set up only as
 * self sign-up allows, never after a revoked invitation, and never in a group beyond the default one.
 */
import type { EndpointExtensionContext } from '@directus/types';
import type { Response, Router } from 'express';
import type { DirectusContext } from '../../../src/directus/directus-context.ts';
import type { PortalSettingsRecord } from '../../../src/access/portal-records.ts';
import { writeAudit } from '../../../src/audit/write-audit.ts';
import { displayName } from '../../../src/invitations/display-name.ts';
import { invitationLink, queueInvitationMail } from '../../../src/invitations/queue-invitation-mail.ts';
import { alreadyRegisteredMail, requestReceivedMail, signUpNotPossibleMail } from '../../../src/mail/portal-mails.ts';
import { fetchMailBranding } from '../../../src/mail/fetch-mail-branding.ts';
import { fetchPortalLanguages } from '../../../src/i18n/fetch-portal-languages.ts';
import { portalLanguageOf } from '../../../src/i18n/languages.ts';
import { linkPlaceholder, queueMail } from '../../../src/mail/outbox.ts';
import { outboxContext } from '../../shared/outbox-state.ts';
import { notifyStaff } from '../../../src/notifications/notify-staff.ts';
import { publicRateLimitsFromEnv } from '../../../src/rate-limit/public-rate-limits.ts';
import { acceptPublicInput } from '../../../src/requests/accept-public-input.ts';
import { filePublicRequest, findOrCreateContact } from '../../../src/requests/file-public-request.ts';
import { findCustomerByDomain } from '../../../src/requests/find-customer-by-domain.ts';
import { offerVisitorLogin } from '../../../src/requests/offer-visitor-login.ts';
import { parsePublicRequest } from '../../../src/requests/parse-public-request.ts';
import { parseSignUp } from '../../../src/requests/parse-sign-up.ts';
import type { DataMap } from '../../../src/data-map/data-map.ts';
import { fetchDataMap } from '../../../src/settings/fetch-data-map.ts';
import { takesPublicRequests } from '../../../src/requests/takes-public-requests.ts';
import { handle } from './handle.ts';
import { ipOf, maintenanceContext, publicUrl } from './request-context.ts';

/** The one answer both routes give, whatever happened. */
const received = { data: { received: true } };

const publicRequests = {
	name: 'Submitting requests without signing in',
	// Where the data map has tickets that can take one (see `takesPublicRequests`).
	isOn: (settings: PortalSettingsRecord, map: DataMap) =>
		settings.access_mode === 'public' && takesPublicRequests(map.tickets),
};
const selfSignUp = {
	name: 'Signing up without an invitation',
	isOn: (settings: PortalSettingsRecord) => settings.self_signup === 'matching_domain',
};

export function registerPublicRoutes(router: Router, context: EndpointExtensionContext): void {
	const limits = publicRateLimitsFromEnv(context.env);
	const mailContext = (maintenance: DirectusContext) => ({ ...maintenance, logger: context.logger });
	const outbox = (maintenance: DirectusContext) => outboxContext(maintenance.knex, context.env);

	/**
	 * Answers at once, the same whatever the address, and only then does the work: how long the work takes
	 * (a contact found or created, an invitation, a mail) would otherwise tell who is a customer. The work
	 * runs one request at a time: side by side on SQLite's one connection, a request's transaction and
	 * another's schema read wait for each other until Directus gives up.
	 */
	let pending: Promise<void> = Promise.resolve();
	function answerThenWork(response: Response, what: string, work: () => Promise<void>): void {
		response.status(202).json(received);
		pending = pending
			.then(work)
			.catch((error: unknown) => context.logger.error(error, `Customer Portal: ${what} failed after it was answered`));
	}

	router.post(
		'/api/public/requests',
		handle(async (request, response) => {
			const maintenance = await maintenanceContext(context);
			const ip = ipOf(request);
			const { settings, input } = await acceptPublicInput(maintenance, {
				feature: publicRequests,
				parse: parsePublicRequest,
				body: request.body,
				limits,
				ip,
			});
			answerThenWork(response, 'a public request', async () => {
				const filed = await filePublicRequest(maintenance, input, settings);
				const hasLogin = filed.contact.user !== null;
				// A login is offered only where self sign-up would give one (see `findVisitorLoginObstacle`).
				const invitation =
					!hasLogin && !filed.unassigned
						? await offerVisitorLogin(mailContext(maintenance), {
								contact: filed.contact,
								email: input.email,
								settings,
							})
						: null;
				const base = publicUrl(context);
				const branding = await fetchMailBranding(maintenance, settings);
				const languageOf = await fetchPortalLanguages(maintenance.knex, [filed.contact.user], branding.projectLanguage);
				const mail = requestReceivedMail(branding, {
					language: languageOf(filed.contact.user),
					name: input.name,
					ticket: filed.ticket,
					subject: input.subject,
					loginLink: invitation ? linkPlaceholder : null,
					portalUrl: hasLogin ? `${base}/portal/tickets/${filed.ticket}` : null,
				});
				await queueMail(outbox(maintenance), {
					kind: 'request_received',
					to: input.email,
					mail,
					link: invitation ? invitationLink(base, invitation.token) : null,
					invitation: invitation?.invitation ?? null,
				});
				await writeAudit(maintenance, {
					action: 'public.request',
					actor_contact: filed.contact.id,
					customer: filed.contact.customer,
					target_collection: (await fetchDataMap(maintenance)).tickets?.collection ?? null,
					target_id: filed.ticket,
					details: { new_contact: filed.newContact, unassigned: filed.unassigned, login_offered: invitation !== null },
					ip,
				});
				// Staff hear of it as of any contact's new ticket.
				await notifyStaff(
					maintenance,
					{ map: await fetchDataMap(maintenance), settings, outbox: outbox(maintenance), publicUrl: base },
					{ kind: 'opened', ticket: filed.ticket, contact: filed.contact.id },
				);
			});
		}),
	);

	router.post(
		'/api/signup',
		handle(async (request, response) => {
			const maintenance = await maintenanceContext(context);
			const ip = ipOf(request);
			const { settings, input } = await acceptPublicInput(maintenance, {
				feature: selfSignUp,
				parse: parseSignUp,
				body: request.body,
				limits,
				ip,
			});
			answerThenWork(response, 'a self sign-up', async () => {
				// Only people whose e-mail domain is listed on a customer, and only as contacts of that customer.
				const domainCustomer = await findCustomerByDomain(maintenance, input.email);
				const candidate =
					domainCustomer === null
						? null
						: await findOrCreateContact(
								maintenance,
								{ email: input.email, first_name: input.first_name || null, last_name: input.last_name },
								async () => domainCustomer,
							);
				const found = candidate && candidate.contact.customer === domainCustomer ? candidate : null;
				const branding = await fetchMailBranding(maintenance, settings);
				let outcome = 'no_matching_customer';
				// Only the inbox's owner hears why: the answer to the form is the same for every address.
				if (domainCustomer === null) {
					const map = await fetchDataMap(maintenance);
					const requests = settings.access_mode === 'public' && takesPublicRequests(map.tickets);
					await queueMail(outbox(maintenance), {
						kind: 'sign_up_refused',
						to: input.email,
						mail: signUpNotPossibleMail(branding, {
							language: portalLanguageOf(null, branding.projectLanguage),
							email: input.email,
							requestUrl: requests ? `${publicUrl(context)}/portal/request` : null,
						}),
					});
				}
				if (found && found.contact.user) {
					const user = (await maintenance
						.knex('directus_users')
						.select('status', 'language')
						.where('id', found.contact.user)
						.first()) as { status: string; language: string | null } | undefined;
					if (user?.status === 'active') {
						outcome = 'already_registered';
						await queueMail(outbox(maintenance), {
							kind: 'already_registered',
							to: input.email,
							mail: alreadyRegisteredMail(branding, {
								language: portalLanguageOf(user.language, branding.projectLanguage),
								name: displayName(found.contact),
								email: input.email,
								resetLink: `${publicUrl(context)}/portal/forgot-password`,
							}),
						});
					}
				}
				if (found && outcome === 'no_matching_customer') {
					// The invitation e-mail is the verification: only someone who reads this inbox can set the password.
					const invitation = await offerVisitorLogin(mailContext(maintenance), {
						contact: found.contact,
						email: input.email,
						settings,
					});
					outcome = invitation ? 'verification_sent' : 'refused';
					if (invitation) await queueInvitationMail(maintenance, outbox(maintenance), invitation, publicUrl(context));
				}
				await writeAudit(maintenance, {
					action: 'self_signup.requested',
					actor_contact: found?.contact.id ?? null,
					customer: found?.contact.customer ?? domainCustomer,
					target_collection: (await fetchDataMap(maintenance)).contacts.collection,
					target_id: found?.contact.id ?? null,
					details: { outcome, new_contact: found?.created ?? false },
					ip,
				});
			});
		}),
	);
}
