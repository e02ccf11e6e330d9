/**
 * A contact's e-mail preferences (`/portal/api/me/notifications`, portal users) and the one-click
 * unsubscribe of every mail (`/portal/api/unsubscribe?token=`, anyone holding a mail's link: GET tells
 * what it would turn off, POST turns it off — also as a mail client's RFC 8058 one-click POST).
 */
import type { EndpointExtensionContext } from '@directus/types';
import type { Request, Router } from 'express';
import { InvalidPayloadError } from '@directus/errors';
import { resolvePortalUser } from '../../../src/access/resolve-portal-user.ts';
import { writeAudit } from '../../../src/audit/write-audit.ts';
import { contactNotificationLabels } from '../../../src/notifications/contact-notification-kinds.ts';
import { contactPreferences, setContactPreference } from '../../../src/notifications/contact-preferences.ts';
import { parsePreferences } from '../../../src/notifications/parse-preferences.ts';
import { readUnsubscribeToken } from '../../../src/notifications/unsubscribe-token.ts';
import { fetchDataMap } from '../../../src/settings/fetch-data-map.ts';
import { fetchPortalSettings } from '../../../src/settings/fetch-portal-settings.ts';
import { handle } from './handle.ts';
import { accountabilityOf, ipOf, maintenanceContext } from './request-context.ts';

export function registerNotificationRoutes(router: Router, context: EndpointExtensionContext): void {
	const secret = String(context.env['SECRET'] ?? '');

	async function ownContact(request: Request) {
		const maintenance = await maintenanceContext(context);
		const portalUser = await resolvePortalUser(
			maintenance,
			accountabilityOf(request),
			await fetchPortalSettings(maintenance),
		);
		return { maintenance, contact: portalUser.contact.id, user: portalUser.user };
	}

	router.get(
		'/api/me/notifications',
		handle(async (request, response) => {
			const { maintenance, contact } = await ownContact(request);
			response.json({
				data: await contactPreferences(maintenance.knex, contact),
				meta: { labels: contactNotificationLabels },
			});
		}),
	);

	router.patch(
		'/api/me/notifications',
		handle(async (request, response) => {
			const { maintenance, contact, user } = await ownContact(request);
			const changes = parsePreferences(request.body);
			for (const [kind, wanted] of Object.entries(changes))
				await setContactPreference(maintenance.knex, contact, kind as keyof typeof changes, wanted);
			await writeAudit(maintenance, {
				action: 'profile.notifications_changed',
				actor_user: user,
				actor_contact: contact,
				details: changes,
				ip: ipOf(request),
			});
			response.json({ data: await contactPreferences(maintenance.knex, contact) });
		}),
	);

	const tokenOf = (request: Request) =>
		request.query['token'] ?? (request.body as { token?: unknown } | undefined)?.token;

	router.get(
		'/api/unsubscribe',
		handle(async (request, response) => {
			const named = readUnsubscribeToken(secret, tokenOf(request));
			response.json({
				data: named
					? { valid: true, kind: named.kind, label: contactNotificationLabels[named.kind] }
					: { valid: false },
			});
		}),
	);

	router.post(
		'/api/unsubscribe',
		handle(async (request, response) => {
			const named = readUnsubscribeToken(secret, tokenOf(request));
			if (!named)
				throw new InvalidPayloadError({
					reason: 'This unsubscribe link is not valid. Sign in to the portal to choose your e-mails in your profile.',
				});
			const maintenance = await maintenanceContext(context);
			await setContactPreference(maintenance.knex, named.contact, named.kind, false);
			// The contact as the target, not the actor: a link outlives a contact staff deleted.
			await writeAudit(maintenance, {
				action: 'contact.unsubscribed',
				target_collection: (await fetchDataMap(maintenance)).contacts.collection,
				target_id: named.contact,
				details: { kind: named.kind },
				ip: ipOf(request),
			});
			response.json({ data: { kind: named.kind, label: contactNotificationLabels[named.kind] } });
		}),
	);
}
