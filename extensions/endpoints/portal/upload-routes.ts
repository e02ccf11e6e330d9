/**
 * Contacts add attachments to tickets through this route only (they have no create permission on
 * directus_files): the ticket must be one they can read, their group must let them reply and see public
 * attachments, and the server pins everything about the file — storage, folder, owner, its name on disk —
 * whatever the request says. The body is the file itself; the name comes in `?filename=`.
 */
import type { EndpointExtensionContext } from '@directus/types';
import type { Request, Router } from 'express';
import { ForbiddenError } from '@directus/errors';
import { adminService } from '../../../src/directus/directus-context.ts';
import { fetchPortalSettings } from '../../../src/settings/fetch-portal-settings.ts';
import { resolvePortalUser } from '../../../src/access/resolve-portal-user.ts';
import { writeAudit } from '../../../src/audit/write-audit.ts';
import { uploadLimitFromEnv } from '../../../src/attachments/upload-limit-from-env.ts';
import { uploadTypes } from '../../../src/attachments/upload-types.ts';
import { storeTicketAttachment } from '../../../src/attachments/store-ticket-attachment.ts';
import { fieldOf } from '../../../src/compiler/mapped-fields.ts';
import { itemKey } from '../../../src/data-map/item-key.ts';
import { fetchDataMap } from '../../../src/settings/fetch-data-map.ts';
import { checkedUpload, storeUploadBody } from './checked-upload.ts';
import { handle } from './handle.ts';
import { accountabilityOf, ipOf, maintenanceContext } from './request-context.ts';

export function registerUploadRoutes(router: Router, context: EndpointExtensionContext): void {
	const limit = uploadLimitFromEnv(context.env);

	/** The rules below, for the app to state them next to the file field and check a file before sending it. */
	router.get(
		'/api/uploads/rules',
		handle(async (request, response) => {
			const maintenance = await maintenanceContext(context);
			await resolvePortalUser(maintenance, accountabilityOf(request), await fetchPortalSettings(maintenance));
			response.json({ data: { max_bytes: limit, types: [...uploadTypes] } });
		}),
	);

	router.post(
		'/api/tickets/:id/attachments',
		handle(async (request: Request, response) => {
			const accountability = accountabilityOf(request);
			const maintenance = await maintenanceContext(context);
			const { user, contact, capabilities } = await resolvePortalUser(
				maintenance,
				accountability,
				await fetchPortalSettings(maintenance),
			);
			if (!capabilities['tickets.reply'] || capabilities['tickets.attachments'] !== 'public')
				throw new ForbiddenError();
			// Without tickets or their attachments in the data map there is nothing to attach to: as without the capability.
			const { tickets, ticket_attachments: attachments } = await fetchDataMap(maintenance);
			if (!tickets || !attachments) throw new ForbiddenError();

			// The ticket must be one the contact reads, through Directus's own rules (403 otherwise).
			const ticketId = itemKey(request.params['id']);
			if (ticketId === null) throw new ForbiddenError();
			const schema = maintenance.schema;
			await new context.services.ItemsService(tickets.collection, {
				knex: maintenance.knex,
				schema,
				accountability,
			}).readOne(ticketId, { fields: [fieldOf(tickets, 'id')] });

			const { filename, type } = checkedUpload(request, limit);
			const { attachment, file } = await storeUploadBody(request, response, limit, (body) =>
				storeTicketAttachment(maintenance, attachments, {
					ticket: ticketId,
					body,
					filename,
					type,
					uploadedBy: user,
					visible: true,
				}),
			);
			// The ticket's customer, also where the map reaches it through a chain (`site.account`).
			const customerPath = fieldOf(tickets, 'customer');
			const ticket = (await adminService(maintenance, tickets.collection).readOne(ticketId, {
				fields: [customerPath],
			})) as Record<string, unknown>;
			const customer = itemKey(
				customerPath.split('.').reduce<unknown>((row, step) => (row as Record<string, unknown> | null)?.[step], ticket),
			);
			await writeAudit(maintenance, {
				action: 'ticket.attachment_added',
				actor_user: user,
				actor_contact: contact.id,
				customer,
				target_collection: tickets.collection,
				target_id: ticketId,
				details: { file, filename, type },
				ip: ipOf(request),
			});
			response.status(201).json({ data: { id: attachment, file, filename, type } });
		}),
	);
}
