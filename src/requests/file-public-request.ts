/**
 * A request from the public form becomes a ticket: for the contact with that e-mail if there is one,
 * else for a new contact under the customer whose e-mail domains match, else under the "Unassigned
 * requests" customer for staff to sort. Nothing here tells the visitor which of these happened.
 */
import { adminService, type DirectusContext, inTransaction } from '../directus/directus-context.ts';
import type { PortalSettingsRecord } from '../access/portal-records.ts';
import type { ContactRecord } from '../invitations/contact-record-of.ts';
import { readContacts } from '../invitations/read-contacts.ts';
import { fieldOf } from '../compiler/mapped-fields.ts';
import { storedAs } from '../data-map/stored-as.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import type { ContactKey } from '../access/contact-access-fields.ts';
import type { ItemKey } from '../data-map/item-key.ts';
import { publicTicketPayload } from './public-ticket-payload.ts';
import { takesPublicRequests } from './takes-public-requests.ts';
import { findCustomerByDomain } from './find-customer-by-domain.ts';
import type { PublicRequestInput } from './parse-public-request.ts';
import { splitName } from './split-name.ts';

/** A ticket's key: an integer in the bundled schema. */
type TicketKey = number | string;

export const unassignedCustomerName = 'Unassigned requests';

/** The customer for requests nobody could place; created, and remembered in the settings, on first use. */
export async function ensureUnassignedCustomer(
	context: DirectusContext,
	settings: PortalSettingsRecord,
): Promise<ItemKey> {
	const { customers } = await fetchDataMap(context);
	if (settings.unassigned_customer !== null) {
		const exists = await context
			.knex(customers.collection)
			.select(fieldOf(customers, 'id'))
			.where(fieldOf(customers, 'id'), settings.unassigned_customer)
			.first();
		if (exists) return settings.unassigned_customer;
	}
	const id = (await adminService(context, customers.collection).createOne(
		storedAs(customers, { name: unassignedCustomerName, visible_to_parent: false }),
	)) as ItemKey;
	await adminService(context, 'portal_settings').upsertSingleton({ unassigned_customer: id }, { emitEvents: false });
	return id;
}

export interface FiledRequest {
	ticket: TicketKey;
	contact: ContactRecord;
	/** True when the contact was created for this request. */
	newContact: boolean;
	/** True when the contact sits under the unassigned customer, where a login would show strangers' requests. */
	unassigned: boolean;
}

/** Finds the contact for an e-mail address, or creates one where its domain says it belongs. */
export async function findOrCreateContact(
	context: DirectusContext,
	person: { email: string; first_name: string | null; last_name: string },
	fallbackCustomer: () => Promise<ItemKey | null>,
): Promise<{ contact: ContactRecord; created: boolean } | null> {
	const contacts = (await fetchDataMap(context)).contacts;
	const [existing] = await readContacts(context.knex, contacts, { email: person.email });
	if (existing) return { contact: existing, created: false };
	const customer = (await findCustomerByDomain(context, person.email)) ?? (await fallbackCustomer());
	if (customer === null) return null;
	const id = (await adminService(context, contacts.collection).createOne(
		storedAs(contacts, {
			customer,
			email: person.email,
			first_name: person.first_name,
			last_name: person.last_name,
			status: 'active',
		}),
	)) as ContactKey;
	const [created] = await readContacts(context.knex, contacts, { keys: [id] });
	if (!created) throw new Error(`The contact ${id} just created could not be read back.`);
	return { contact: created, created: true };
}

/** Files the request, on a data map that `takesPublicRequests` (the route asks before it answers). */
export async function filePublicRequest(
	context: DirectusContext,
	input: PublicRequestInput,
	settings: PortalSettingsRecord,
): Promise<FiledRequest> {
	const { tickets } = await fetchDataMap(context);
	if (!takesPublicRequests(tickets)) throw new Error('The data map takes no requests from the public form.');
	return inTransaction(context, async (trx) => {
		const unassigned = await ensureUnassignedCustomer(trx, settings);
		const found = await findOrCreateContact(
			trx,
			{ email: input.email, ...splitName(input.name) },
			async () => unassigned,
		);
		if (!found) throw new Error('A public request found no customer, not even the unassigned one.');
		const { contact, created } = found;
		const payload = publicTicketPayload(tickets, {
			customer: contact.customer,
			requester: contact.id,
			subject: input.subject,
			description: input.description,
		});
		const ticket = (await adminService(trx, tickets.collection).createOne(payload)) as TicketKey;
		return { ticket, contact, newContact: created, unassigned: contact.customer === unassigned };
	});
}
