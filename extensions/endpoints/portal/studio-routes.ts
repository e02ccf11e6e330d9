/**
 * Staff-only routes behind the studio module: the data map's names; a ticket's conversation, read and answered as
 * the staff user, with the internal flag always said; and View as: staff pick a contact with a portal login and get
 * a short-lived ticket that lets their own browser, signed in to the studio, read the portal as that
 * contact (see extensions/hooks/portal/view-as.ts). Every ticket issued is written to the audit log. And the
 * contacts' satisfaction ratings, of the tickets the staff user may read.
 */
import type { EndpointExtensionContext } from '@directus/types';
import { InvalidPayloadError } from '@directus/errors';
import type { Request, Router } from 'express';
import { addStaffReply, parseStaffReply } from '../../../src/conversation/add-staff-reply.ts';
import { readStaffConversation } from '../../../src/conversation/read-staff-conversation.ts';
import { parseStaffDisplayName, staffDisplayNameField } from '../../../src/conversation/parse-staff-display-name.ts';
import { staffShownAs } from '../../../src/conversation/staff-shown-as.ts';
import { adminService, systemService } from '../../../src/directus/directus-context.ts';
import { storeTicketAttachment } from '../../../src/attachments/store-ticket-attachment.ts';
import { uploadLimitFromEnv } from '../../../src/attachments/upload-limit-from-env.ts';
import { fieldOf } from '../../../src/compiler/mapped-fields.ts';
import { PortalFeatureOffError } from '../../../src/errors/portal-feature-off-error.ts';
import { checkedUpload, storeUploadBody } from './checked-upload.ts';
import { inboundSettingsFromEnv } from '../../../src/inbound/inbound-settings.ts';
import { notifyContacts } from '../../../src/notifications/notify-contacts.ts';
import { outboxContext } from '../../shared/outbox-state.ts';
import { writeAudit } from '../../../src/audit/write-audit.ts';
import { ViewAsRefusedError } from '../../../src/errors/view-as-refused-error.ts';
import { findViewableContact } from '../../../src/view-as/resolve-view-as.ts';
import { issueViewAsTicket } from '../../../src/view-as/view-as-ticket.ts';
import { itemKey } from '../../../src/data-map/item-key.ts';
import { listTicketRatings } from '../../../src/ratings/list-ticket-ratings.ts';
import { isTicketRating, ticketRatings } from '../../../src/ratings/ticket-rating.ts';
import { fetchDataMap } from '../../../src/settings/fetch-data-map.ts';
import { handle } from './handle.ts';
import { ipOf, publicUrl, staffContext } from './request-context.ts';

/** The ticket a conversation route names in its path. */
function ticketOf(request: Request) {
	const ticket = itemKey(request.params['id']);
	if (ticket === null) throw new InvalidPayloadError({ reason: 'The ticket must be named by its id.' });
	return ticket;
}

export function registerStudioRoutes(router: Router, context: EndpointExtensionContext): void {
	// The data map the portal runs on, names only, for the module's pages (null: the bundled help desk). Editing
	// and checking a map are for admins (data-map-routes.ts); staff need its names to read the team's collections.
	router.get(
		'/api/studio/map',
		handle(async (request, response) => {
			const { maintenance, settings } = await staffContext(context, request);
			response.json({ data: { map: settings.data_map === null ? null : await fetchDataMap(maintenance) } });
		}),
	);

	// A ticket's conversation, replies and internal notes alike, read as the staff user (their role's rules apply).
	router.get(
		'/api/studio/tickets/:id/conversation',
		handle(async (request, response) => {
			const { maintenance, staff } = await staffContext(context, request);
			const map = await fetchDataMap(maintenance);
			response.json({ data: await readStaffConversation(maintenance, staff, map, ticketOf(request)) });
		}),
	);

	// A reply to the customer or an internal note, as the staff user: `internal` must be sent, true or false;
	// `status` sets the ticket's state in the same step, told to contacts in the reply's one mail.
	router.post(
		'/api/studio/tickets/:id/replies',
		handle(async (request, response) => {
			const { maintenance, staff } = await staffContext(context, request);
			const reply = parseStaffReply(request.body);
			const ticket = ticketOf(request);
			const map = await fetchDataMap(maintenance);
			const id = await addStaffReply(maintenance, staff, map, ticket, reply, async (activity) => {
				try {
					await notifyContacts(
						maintenance,
						outboxContext(context.database, context.env),
						{ map, publicUrl: publicUrl(context), replies: inboundSettingsFromEnv(context.env) },
						activity,
					);
				} catch (error) {
					context.logger.error(error, 'Customer Portal: could not e-mail contacts of a staff reply');
				}
			});
			response.status(201).json({ data: { id, internal: reply.internal, status: reply.status } });
		}),
	);

	// Satisfaction ratings: counts of the last 30 and 90 days and the list, of tickets the staff user may read
	// (`rating` good or bad narrows the list; `ticket` gives one ticket's ratings, for its conversation page).
	router.get(
		'/api/studio/ratings',
		handle(async (request, response) => {
			const { maintenance, staff } = await staffContext(context, request);
			const { rating, ticket } = request.query;
			if (rating !== undefined && !isTicketRating(rating))
				throw new InvalidPayloadError({ reason: `"rating" is one of ${ticketRatings.join(', ')}, or left out.` });
			const ticketKey = ticket === undefined ? null : itemKey(ticket);
			if (ticket !== undefined && ticketKey === null)
				throw new InvalidPayloadError({ reason: 'The ticket must be named by its id.' });
			const map = await fetchDataMap(maintenance);
			response.json({ data: await listTicketRatings(maintenance, staff, map, { rating, ticket: ticketKey }) });
		}),
	);

	// A file for a reply or note the staff member is writing, as the request's body (named in `?filename=`, under the
	// upload rules contacts' files follow): kept staff-only on the ticket until a public reply names it.
	router.post(
		'/api/studio/tickets/:id/attachments',
		handle(async (request, response) => {
			const { maintenance, staff } = await staffContext(context, request);
			const ticket = ticketOf(request);
			const { tickets, ticket_attachments: attachments } = await fetchDataMap(maintenance);
			if (!tickets || !attachments) throw new PortalFeatureOffError({ feature: 'Ticket attachments' });
			// As the staff user: a ticket their role cannot read is Directus's 403, before anything is stored.
			await adminService(maintenance, tickets.collection, staff).readOne(ticket, { fields: [fieldOf(tickets, 'id')] });
			const limit = uploadLimitFromEnv(context.env);
			const { filename, type } = checkedUpload(request, limit);
			const { attachment, file } = await storeUploadBody(request, response, limit, (body) =>
				storeTicketAttachment(maintenance, attachments, {
					ticket,
					body,
					filename,
					type,
					uploadedBy: staff.user,
					visible: false,
				}),
			);
			response.status(201).json({ data: { id: attachment, file, filename, type } });
		}),
	);

	// The name the signed-in staff member is shown to contacts by: the one they chose, and what contacts read.
	router.get(
		'/api/studio/me/display-name',
		handle(async (request, response) => {
			const { maintenance, settings, staff } = await staffContext(context, request);
			response.json({ data: await staffShownAs(maintenance, staff.user, settings.staff_names) });
		}),
	);

	// Chooses it (`display_name`, or null for the settings' style): their own only, whatever their role may edit.
	router.patch(
		'/api/studio/me/display-name',
		handle(async (request, response) => {
			const { maintenance, settings, staff } = await staffContext(context, request);
			const body = (request.body ?? {}) as Record<string, unknown>;
			if (!('display_name' in body))
				throw new InvalidPayloadError({
					reason: 'Send "display_name": a name, or null to be named as the settings say.',
				});
			await systemService(maintenance, 'UsersService').updateOne(staff.user, {
				[staffDisplayNameField]: parseStaffDisplayName(body['display_name']),
			});
			response.json({ data: await staffShownAs(maintenance, staff.user, settings.staff_names) });
		}),
	);

	router.post(
		'/api/studio/view-as',
		handle(async (request, response) => {
			const { maintenance, settings, staff } = await staffContext(context, request);
			const contactId = itemKey((request.body as { contact?: unknown } | undefined)?.contact);
			if (contactId === null) throw new ViewAsRefusedError({ why: 'no_contact_named' });
			const contact = await findViewableContact(maintenance, contactId, settings);
			const { ticket, expiresAt } = issueViewAsTicket(String(context.env['SECRET']), staff.user, contact.id);
			await writeAudit(maintenance, {
				action: 'view_as.started',
				actor_user: staff.user,
				customer: contact.customer,
				target_collection: (await fetchDataMap(maintenance)).contacts.collection,
				target_id: contact.id,
				details: { contact: contact.email, expires_at: expiresAt.toISOString() },
				ip: ipOf(request),
			});
			response.status(201).json({
				data: {
					ticket,
					expires_at: expiresAt.toISOString(),
					contact: { id: contact.id, name: contact.name, email: contact.email },
					portal_url: `${publicUrl(context)}/portal/`,
				},
			});
		}),
	);
}
