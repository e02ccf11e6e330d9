/**
 * What the portal app asks before it draws anything: the portal's branding and what it offers visitors
 * (public), and who the signed-in contact is with their effective capabilities (portal users only).
 * The app builds its menu from the capabilities; Directus still refuses whatever they do not allow.
 */
import { capabilitiesOnMap } from '../../../src/catalogue/capabilities-on-map.ts';
import { fetchDataMap } from '../../../src/settings/fetch-data-map.ts';
import { takesPublicRequests } from '../../../src/requests/takes-public-requests.ts';
import type { EndpointExtensionContext } from '@directus/types';
import type { Router } from 'express';
import { ForbiddenError } from '@directus/errors';
import { systemService } from '../../../src/directus/directus-context.ts';
import { fetchContactProfile } from '../../../src/access/fetch-contact-profile.ts';
import { fetchPortalLanguage } from '../../../src/i18n/fetch-portal-languages.ts';
import { fetchPortalSettings } from '../../../src/settings/fetch-portal-settings.ts';
import { resolvePortalUser } from '../../../src/access/resolve-portal-user.ts';
import { writeAudit } from '../../../src/audit/write-audit.ts';
import { fetchMailBranding } from '../../../src/mail/fetch-mail-branding.ts';
import { publicRateLimitsFromEnv } from '../../../src/rate-limit/public-rate-limits.ts';
import { parsePasswordChange } from '../../../src/requests/parse-password-change.ts';
import { handle } from './handle.ts';
import { InvalidPublicInputError } from '../../../src/errors/invalid-public-input-error.ts';
import { accountabilityOf, ipOf, maintenanceContext, publicUrl } from './request-context.ts';
import { notifyAccountEvent } from '../../../src/notifications/notify-contacts.ts';
import { outboxContext } from '../../shared/outbox-state.ts';
import { productSchemaOwned } from '../../shared/install-state.ts';

export function registerSessionRoutes(router: Router, context: EndpointExtensionContext): void {
	// Guessing the current password from a stolen session is limited like the public routes.
	const passwordAttempts = publicRateLimitsFromEnv(context.env, { name: 'password', perIp: 20, perEmail: 10 });

	router.get(
		'/api/config',
		handle(async (request, response) => {
			// Whether the request comes with a session: the app asks who is signed in only then (so a visitor's page
			// logs no refused request). Who it is, and whether a contact, is /api/me's to say.
			const signedIn = Boolean(accountabilityOf(request)?.user);
			// Before the portal's schema is installed (or when it was refused) the app only needs to know it is closed.
			if (!productSchemaOwned()) {
				response.json({
					data: {
						signed_in: signedIn,
						language: await fetchPortalLanguage(await maintenanceContext(context), null),
						portal_name: null,
						accent_color: null,
						access_mode: 'registered_only',
						self_signup: 'off',
						public_requests: false,
						public_knowledge_base: false,
					},
				});
				return;
			}
			const maintenance = await maintenanceContext(context);
			const settings = await fetchPortalSettings(maintenance);
			const branding = await fetchMailBranding(maintenance, settings);
			// What public mode offers visitors depends on the data map too: no page for what the team has no collection for.
			// A stored map not shaped like one offers nothing (the doctor closes the portal and says why).
			const map = await fetchDataMap(maintenance).catch(() => null);
			const open = settings.access_mode === 'public' && map !== null;
			response.json({
				data: {
					signed_in: signedIn,
					// Visitors' pages speak the project's default language; /api/me says the contact's own.
					language: await fetchPortalLanguage(maintenance, null),
					portal_name: branding.portalName,
					accent_color: branding.accentColor,
					access_mode: settings.access_mode,
					self_signup: settings.self_signup,
					public_requests: open && takesPublicRequests(map.tickets),
					public_knowledge_base: open && map.kb_articles !== null,
				},
			});
		}),
	);

	router.get(
		'/api/me',
		handle(async (request, response) => {
			const maintenance = await maintenanceContext(context);
			const settings = await fetchPortalSettings(maintenance);
			const portalUser = await resolvePortalUser(maintenance, accountabilityOf(request), settings);
			const profile = await fetchContactProfile(maintenance, portalUser.contact.id);
			if (!profile) throw new ForbiddenError();
			const { contact: own, customer } = profile;
			const group = portalUser.group;
			// The app speaks the bundled names and translates them where the portal runs on another map; what that
			// map leaves out is not offered.
			const map = settings.data_map === null ? null : await fetchDataMap(maintenance);
			const capabilities = map ? capabilitiesOnMap(portalUser.capabilities, map) : portalUser.capabilities;
			response.json({
				data: {
					contact: own,
					customer,
					group: { id: group.id, name: group.name },
					language: await fetchPortalLanguage(maintenance, portalUser.user),
					capabilities,
					parent_visibility: settings.parent_visibility,
					data_map: map,
				},
			});
		}),
	);

	/** A portal user changes their own password: the current one first, then Directus's password policy. */
	router.post(
		'/api/me/password',
		handle(async (request, response) => {
			const maintenance = await maintenanceContext(context);
			const { user, contact: own } = await resolvePortalUser(
				maintenance,
				accountabilityOf(request),
				await fetchPortalSettings(maintenance),
			);
			const body = parsePasswordChange(request.body);
			await passwordAttempts.consume(ipOf(request), user);
			const authentication = systemService(maintenance, 'AuthenticationService');
			// Throws Directus's own "Invalid user credentials." (401) for a wrong current password.
			await authentication.verifyPassword(user, body.current_password);
			// The product's password rules and Directus's policy are checked as the password is stored (portal-passwords hook).
			if (body.new_password === body.current_password)
				throw new InvalidPublicInputError({ problems: ['The new password is the one you have now; choose another.'] });
			await systemService(maintenance, 'UsersService').updateOne(user, { password: body.new_password });
			await writeAudit(maintenance, {
				action: 'profile.password_changed',
				actor_user: user,
				target_collection: 'directus_users',
				target_id: user,
				ip: ipOf(request),
			});
			await notifyAccountEvent(
				maintenance,
				outboxContext(maintenance.knex, context.env),
				{ map: await fetchDataMap(maintenance), publicUrl: publicUrl(context) },
				{ contact: own.id, event: 'password_changed' },
			);
			response.status(204).end();
		}),
	);
}
