import type { Knex } from 'knex';
import { fieldOf } from '../compiler/mapped-fields.ts';
import { listedDomains } from '../requests/email-domains.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import type { ItemKey } from '../data-map/item-key.ts';

/**
 * The e-mail domains a customer lists (its `email_domains` role), lower-cased; none for a customer that
 * lists none or does not exist, and none anywhere when the map leaves the role unmapped (new colleagues
 * then come from staff only).
 */
export async function fetchCustomerEmailDomains({ knex }: { knex: Knex }, customer: ItemKey): Promise<string[]> {
	const { customers } = await fetchDataMap({ knex });
	const domains = customers.fields.email_domains;
	if (domains === null) return [];
	const row = (await knex(customers.collection)
		.select({ domains })
		.where(fieldOf(customers, 'id'), customer)
		.first()) as { domains: unknown } | undefined;
	return listedDomains(row?.domains);
}
