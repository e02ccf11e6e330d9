import type { Knex } from 'knex';
import { fieldOf } from '../compiler/mapped-fields.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import { emailDomain, listedDomains } from './email-domains.ts';
import type { ItemKey } from '../data-map/item-key.ts';

/**
 * The customer that lists the e-mail's domain in its `email_domains` (and is active, where the map keeps a
 * customer status); null when none or several do — and always where the map leaves `email_domains`
 * unmapped: no customer is then found by domain, so self sign-up finds no one to sign up and public
 * requests go to the unassigned customer.
 */
export async function findCustomerByDomain({ knex }: { knex: Knex }, email: string): Promise<ItemKey | null> {
	const domain = emailDomain(email);
	if (!domain) return null;
	const { customers } = await fetchDataMap({ knex });
	const { email_domains: domains, status } = customers.fields;
	if (domains === null) return null;
	const query = knex(customers.collection)
		.select({ id: fieldOf(customers, 'id'), domains })
		// A first sieve in SQL, over the stored text (a JSON list's too); `listedDomains` decides.
		.whereRaw("lower(cast(?? as text)) like ? escape '\\'", [
			domains,
			`%${domain.replace(/[\\%_]/g, (character) => `\\${character}`)}%`,
		]);
	if (status !== null) query.where(status, 'active');
	const candidates = (await query) as { id: ItemKey; domains: unknown }[];
	const matches = candidates.filter((customer) => listedDomains(customer.domains).includes(domain));
	return matches.length === 1 && matches[0] ? matches[0].id : null;
}
