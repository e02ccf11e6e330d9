/**
 * References a portal contact may write that must point at a row of the contact's own customer, by the
 * collection written and then the field, with the collection the field points at.
 *
 * Directus's validation rules test the payload alone and cannot join, and what the contact may read is no
 * bound here: a contact whose tickets reach the customers below theirs reads those customers' locations,
 * yet a device of their customer must stand at one of their customer's own. Every row a contact may write
 * such a reference on is their own customer's (a device they register is pinned to it by validation, and
 * one they may edit is read through `customer = theirs`), so "the row's customer" is "the contact's".
 */
import type { Knex } from 'knex';
import { ReferenceOutsideCustomerError } from '../errors/reference-outside-customer-error.ts';
import { customerKey } from '../hierarchy/customer-key.ts';

export const ownCustomerReferences: Readonly<Record<string, Readonly<Record<string, string>>>> = {
	devices: { location: 'locations' },
};

/**
 * Refuses a payload for `collection` whose references name a row that is not `customer`'s: one that belongs to
 * another customer, does not exist, or is anything but a key (a nested object would create or change the
 * target). An empty reference (`null`) and a field left out pass. The same error in every case: the answer
 * says nothing about other customers' rows.
 */
export async function assertOwnCustomerReferences(
	{ knex }: { knex: Knex },
	{ collection, payload, customer }: { collection: string; payload: Record<string, unknown>; customer: number },
): Promise<void> {
	for (const [field, target] of Object.entries(ownCustomerReferences[collection] ?? {})) {
		const value = payload[field];
		if (value === undefined || value === null) continue;
		// Integer keys, as every help-desk collection has; `customerKey` reads one the way a request carries it.
		const key = customerKey(value);
		const row =
			key === null
				? undefined
				: ((await knex(target).select('customer').where('id', key).first()) as { customer: unknown } | undefined);
		if (!row || customerKey(row.customer) !== customerKey(customer))
			throw new ReferenceOutsideCustomerError({ collection, field });
	}
}
