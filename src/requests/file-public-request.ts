/**
 * A request from the public form becomes a ticket: for the contact with that e-mail if there is one,
 * else for a new contact under the customer whose e-mail domains match, else under the "Unassigned
 * requests" customer for staff to sort. Nothing here tells the visitor which of these happened.
 */
import { adminService, type DirectusContext, inTransaction } from '../directus/directus-context.ts';
import type { PortalSettingsRecord } from '../access/portal-records.ts';
import { contactFields, type InvitableContact } from '../invitations/invitation-records.ts';
import { findCustomerByDomain } from './find-customer-by-domain.ts';
import type { PublicRequestInput } from './parse-public-request.ts';
import { splitName } from './split-name.ts';

export const unassignedCustomerName = 'Unassigned requests';

/** The customer for requests nobody could place; created, and remembered in the settings, on first use. */
export async function ensureUnassignedCustomer(
	context: DirectusContext,
	settings: PortalSettingsRecord,
): Promise<number> {
	if (settings.unassigned_customer !== null) {
		const exists = await context.knex('customers').select('id').where('id', settings.unassigned_customer).first();
		if (exists) return settings.unassigned_customer;
	}
	const id = Number(
		await adminService(context, 'customers').createOne({ name: unassignedCustomerName, visible_to_parent: false }),
	);
	await adminService(context, 'portal_settings').upsertSingleton({ unassigned_customer: id }, { emitEvents: false });
	return id;
}

export interface FiledRequest {
	ticket: number;
	contact: InvitableContact;
	/** True when the contact was created for this request. */
	newContact: boolean;
	/** True when the contact sits under the unassigned customer, where a login would show strangers' requests. */
	unassigned: boolean;
}

/** Finds the contact for an e-mail address, or creates one where its domain says it belongs. */
export async function findOrCreateContact(
	context: DirectusContext,
	person: { email: string; first_name: string | null; last_name: string },
	fallbackCustomer: () => Promise<number | null>,
): Promise<{ contact: InvitableContact; created: boolean } | null> {
	const contacts = adminService(context, 'contacts');
	const existing = (await context
		.knex('contacts')
		.select('id')
		.whereRaw('lower(email) = ?', [person.email])
		.first()) as { id: number } | undefined;
	if (existing)
		return {
			contact: (await contacts.readOne(existing.id, { fields: contactFields })) as InvitableContact,
			created: false,
		};
	const customer = (await findCustomerByDomain(context, person.email)) ?? (await fallbackCustomer());
	if (customer === null) return null;
	const id = Number(
		await contacts.createOne({
			customer,
			email: person.email,
			first_name: person.first_name,
			last_name: person.last_name,
			status: 'active',
		}),
	);
	return { contact: (await contacts.readOne(id, { fields: contactFields })) as InvitableContact, created: true };
}

export async function filePublicRequest(
	context: DirectusContext,
	input: PublicRequestInput,
	settings: PortalSettingsRecord,
): Promise<FiledRequest> {
	return inTransaction(context, async (trx) => {
		const unassigned = await ensureUnassignedCustomer(trx, settings);
		const found = await findOrCreateContact(
			trx,
			{ email: input.email, ...splitName(input.name) },
			async () => unassigned,
		);
		if (!found) throw new Error('A public request found no customer, not even the unassigned one.');
		const { contact, created } = found;
		const ticket = Number(
			await adminService(trx, 'tickets').createOne({
				customer: contact.customer,
				contact: contact.id,
				subject: input.subject,
				description: input.description || null,
				status: 'new',
			}),
		);
		return { ticket, contact, newContact: created, unassigned: contact.customer === unassigned };
	});
}
