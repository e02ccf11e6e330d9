/**
 * What the portal app shows of a ticket beyond what a contact reads through Directus: the names of the staff who
 * wrote its replies, as the portal settings name staff; and the requester's satisfaction rating of a resolved
 * ticket, which contacts give here only (they hold no permission on `portal_ticket_ratings`), at most
 * `ratingsPerHour` times an hour. A bad rating is told to staff like a contact's reply.
 */
import type { EndpointExtensionContext } from '@directus/types';
import type { Request, Router } from 'express';
import { ForbiddenError } from '@directus/errors';
import { resolvePortalUser } from '../../../src/access/resolve-portal-user.ts';
import { staffAuthorNames } from '../../../src/conversation/staff-author-names.ts';
import { itemKey } from '../../../src/data-map/item-key.ts';
import { fetchDataMap } from '../../../src/settings/fetch-data-map.ts';
import { fetchPortalSettings } from '../../../src/settings/fetch-portal-settings.ts';
import { notifyStaff } from '../../../src/notifications/notify-staff.ts';
import { parseTicketRating } from '../../../src/ratings/parse-ticket-rating.ts';
import { ratingsPerHour } from '../../../src/ratings/ticket-rating.ts';
import { TooManyRatingsError } from '../../../src/errors/too-many-ratings-error.ts';
import { createLimiter } from '../../../src/rate-limit/create-limiter.ts';
import { limitStoreFromEnv } from '../../../src/rate-limit/limit-store-from-env.ts';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { rateTicket, readRatingState } from '../../../src/ratings/rate-ticket.ts';
import { outboxContext } from '../../shared/outbox-state.ts';
import { handle } from './handle.ts';
import { accountabilityOf, maintenanceContext, publicUrl } from './request-context.ts';

/** The signed-in contact, their accountability and the ticket a route names; anyone else gets Directus's 403. */
async function contactOnTicket(context: EndpointExtensionContext, request: Request) {
	const accountability = accountabilityOf(request);
	const maintenance = await maintenanceContext(context);
	const settings = await fetchPortalSettings(maintenance);
	const portalUser = await resolvePortalUser(maintenance, accountability, settings);
	const ticket = itemKey(request.params['id']);
	if (ticket === null || !accountability) throw new ForbiddenError();
	return { accountability, maintenance, settings, portalUser, ticket, map: await fetchDataMap(maintenance) };
}

export function registerTicketRoutes(router: Router, context: EndpointExtensionContext): void {
	const ratingChanges = createLimiter(limitStoreFromEnv(context.env), {
		name: 'ratings',
		scope: 'user',
		points: ratingsPerHour,
		windowSeconds: 3600,
	});

	router.get(
		'/api/tickets/:id/staff-names',
		handle(async (request, response) => {
			const accountability = accountabilityOf(request);
			const maintenance = await maintenanceContext(context);
			const settings = await fetchPortalSettings(maintenance);
			await resolvePortalUser(maintenance, accountability, settings);
			const ticket = itemKey(request.params['id']);
			if (ticket === null || !accountability) throw new ForbiddenError();
			const map = await fetchDataMap(maintenance);
			response.json({
				data: await staffAuthorNames(maintenance, accountability, map, ticket, settings.staff_names),
			});
		}),
	);

	// The contact's own rating of a ticket they may see, and whether they may give or change it now.
	router.get(
		'/api/tickets/:id/rating',
		handle(async (request, response) => {
			const { accountability, maintenance, portalUser, ticket, map } = await contactOnTicket(context, request);
			response.json({ data: await readRatingState(maintenance, accountability, portalUser, map, ticket) });
		}),
	);

	// Gives or changes it: `rating` good or bad, `comment` optional (src/ratings/ticket-rating.ts states the rules).
	router.post(
		'/api/tickets/:id/rating',
		handle(async (request, response) => {
			const { accountability, maintenance, settings, portalUser, ticket, map } = await contactOnTicket(
				context,
				request,
			);
			const input = parseTicketRating(request.body);
			await ratingChanges.consume(portalUser.user).catch((error: unknown) => {
				throw error instanceof RateLimiterRes ? new TooManyRatingsError() : error;
			});
			const { state, previous } = await rateTicket(maintenance, accountability, portalUser, map, ticket, input);
			response.json({ data: state });
			// Told once per turn to bad (re-sending a bad rating tells no one again); never the contact's failure.
			if (input.rating === 'bad' && previous !== 'bad')
				notifyStaff(
					maintenance,
					{ map, settings, outbox: outboxContext(context.database, context.env), publicUrl: publicUrl(context) },
					{ kind: 'rated_bad', ticket, contact: portalUser.contact.id, comment: input.comment },
				).catch((error: unknown) =>
					context.logger.error(error, 'Customer Portal: could not tell staff of a bad rating'),
				);
		}),
	);
}
