/**
 * References a portal contact may write that must point at a row of the contact's own customer: by the object
 * written, its role, and the object the role points at (each read through the data map).
 *
 * Directus's validation rules test the payload alone and cannot join, and what the contact may read is no
 * bound here: a contact whose tickets reach the customers below theirs reads those customers' locations,
 * yet a device of their customer must stand at one of their customer's own. Every row a contact may write
 * such a reference on is their own customer's (a device they register is pinned to it by validation, and
 * one they may edit is read through `customer = theirs`), so "the row's customer" is "the contact's".
 */
import type { Knex } from 'knex';
import { fieldOf } from '../compiler/mapped-fields.ts';
import type { DataMap } from '../data-map/data-map.ts';
import type { ObjectName } from '../data-map/object-specs.ts';
import { ReferenceOutsideCustomerError } from '../errors/reference-outside-customer-error.ts';
import { itemKey } from '../data-map/item-key.ts';
import type { ItemKey } from '../data-map/item-key.ts';

export const ownCustomerReferences = {
	devices: { location: 'locations' },
	// A colleague added to a ticket (`tickets.cc`): someone of another customer would see the ticket as a follower.
	ticket_participants: { contact: 'contacts' },
} as const satisfies Partial<Record<ObjectName, Readonly<Record<string, 'locations' | 'contacts'>>>>;

/**
 * Refuses a payload for `object`'s collection whose references name a row that is not `customer`'s: one that
 * belongs to another customer, does not exist, or is anything but a key (a nested object would create or
 * change the target). An empty reference (`null`) and a field left out pass, and so does a reference the map
 * leaves unmapped (it is no field). The same error in every case: the answer says nothing about other
 * customers' rows.
 */
export async function assertOwnCustomerReferences(
	{ knex }: { knex: Knex },
	{
		map,
		object,
		payload,
		customer,
	}: { map: DataMap; object: keyof typeof ownCustomerReferences; payload: Record<string, unknown>; customer: ItemKey },
): Promise<void> {
	const written = map[object];
	if (written === null) return;
	for (const [role, targetObject] of Object.entries(ownCustomerReferences[object])) {
		const field = written.fields[role as keyof typeof written.fields];
		const target = map[targetObject];
		if (field === null || target === null) continue;
		const value = payload[field];
		if (value === undefined || value === null) continue;
		const key = itemKey(value);
		// A key of the other kind than the target's (a uuid for an integer key) is no row of it: PostgreSQL says so by failing.
		const row =
			key === null
				? undefined
				: ((await knex(target.collection)
						.select({ customer: fieldOf(target, 'customer') })
						.where(fieldOf(target, 'id'), key)
						.first()
						.catch(() => undefined)) as { customer: unknown } | undefined);
		if (!row || itemKey(row.customer) !== itemKey(customer))
			throw new ReferenceOutsideCustomerError({ collection: written.collection, field });
	}
}
