import type { Knex } from 'knex';
import { fieldOf } from '../compiler/mapped-fields.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import type { ItemKey } from '../data-map/item-key.ts';

/** A customer's name, from whichever collection plays customers; null when there is no such customer. */
export async function fetchCustomerName({ knex }: { knex: Knex }, customer: ItemKey): Promise<string | null> {
	const { customers } = await fetchDataMap({ knex });
	const row = (await knex(customers.collection)
		.select({ name: fieldOf(customers, 'name') })
		.where(fieldOf(customers, 'id'), customer)
		.first()) as { name: string | null } | undefined;
	return row?.name ?? null;
}
