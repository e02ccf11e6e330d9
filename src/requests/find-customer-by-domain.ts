import type { Knex } from 'knex';
import { emailDomain, listedDomains } from './email-domains.ts';

/** The active customer that lists the e-mail's domain in `email_domains`; null when none or several do. */
export async function findCustomerByDomain({ knex }: { knex: Knex }, email: string): Promise<number | null> {
	const domain = emailDomain(email);
	if (!domain) return null;
	const candidates = (await knex('customers')
		.select('id', 'email_domains')
		.where('status', 'active')
		.whereRaw('lower(email_domains) like ?', [`%${domain.replace(/[\\%_]/g, (character) => `\\${character}`)}%`])) as {
		id: number;
		email_domains: string | null;
	}[];
	const matches = candidates.filter((customer) => listedDomains(customer.email_domains).includes(domain));
	return matches.length === 1 && matches[0] ? matches[0].id : null;
}
