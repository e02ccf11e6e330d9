import type { Knex } from 'knex';
import { fieldOf } from '../compiler/mapped-fields.ts';
import { roleColumns } from '../data-map/role-columns.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import type { ContactKey } from './contact-access-fields.ts';

/** What the portal app shows of the signed-in contact, by role; roles the map leaves unmapped read as null. */
export interface ContactProfile {
	contact: {
		id: ContactKey;
		first_name: string | null;
		last_name: string | null;
		email: string | null;
		phone: string | null;
		location: number | null;
	};
	customer: { id: number; name: string | null };
}

const profileRoles = ['first_name', 'last_name', 'email', 'phone', 'location'] as const;

/** The contact with key `id` and its customer's name, from the collections playing them; null when there is no such contact. */
export async function fetchContactProfile({ knex }: { knex: Knex }, id: ContactKey): Promise<ContactProfile | null> {
	const { contacts, customers } = await fetchDataMap({ knex });
	const customer = `${contacts.collection}.${fieldOf(contacts, 'customer')}`;
	const row = (await knex(contacts.collection)
		.select({
			...roleColumns(contacts, ['id', 'customer', ...profileRoles], contacts.collection),
			customer_name: `${customers.collection}.${fieldOf(customers, 'name')}`,
		})
		.leftJoin(customers.collection, customer, `${customers.collection}.${fieldOf(customers, 'id')}`)
		.where(`${contacts.collection}.${fieldOf(contacts, 'id')}`, id)
		.first()) as Record<string, unknown> | undefined;
	if (!row) return null;
	const value = <T>(role: string) => (row[role] ?? null) as T | null;
	return {
		contact: {
			id: row['id'] as ContactKey,
			first_name: value('first_name'),
			last_name: value('last_name'),
			email: value('email'),
			phone: value('phone'),
			location: value('location'),
		},
		customer: { id: row['customer'] as number, name: value('customer_name') },
	};
}
