import type { Knex } from 'knex';
import { listedDomains } from '../requests/email-domains.ts';

/** The e-mail domains a customer lists (`customers.email_domains`), lower-cased; none for a customer that lists none or does not exist. */
export async function fetchCustomerEmailDomains({ knex }: { knex: Knex }, customer: number): Promise<string[]> {
	const row = (await knex('customers').select('email_domains').where('id', customer).first()) as
		{ email_domains: string | null } | undefined;
	return listedDomains(row?.email_domains);
}
