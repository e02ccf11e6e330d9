import type { DirectusContext } from '../directus/directus-context.ts';
import { TeamActionRefusedError } from '../errors/team-action-refused-error.ts';
import { fetchCustomerEmailDomains } from '../customers/fetch-customer-email-domains.ts';
import { emailDomain } from '../requests/email-domains.ts';
import { readContacts } from '../invitations/read-contacts.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import type { TeamAdmin } from './resolve-team-admin.ts';

/** The one refusal, whatever made the address unusable: it tells nobody who holds an address. */
export const unusableColleagueAddress =
	"That e-mail address cannot be used for a new colleague: use an address at one of your company's e-mail domains that is not in use yet. Ask your service provider if you think it should.";

/**
 * Refuses an address a client administrator may not add a colleague with:
 * - one outside their own customer's e-mail domains (their `email_domains`), since the domain is what
 *   files that person's later public requests and sign-ups under a customer, and only staff say which
 *   domains a customer has. A customer that lists none gets new contacts from staff only; its
 *   administrators still invite the colleagues staff added.
 * - one any contact already has, at any customer;
 * - one any Directus user signs in with: staff, or a login of the portal's own.
 * Every case answers with the same 403 and the same words (`unusableColleagueAddress`). Reads through
 * `context`, so that inside the transaction that adds the colleague nothing changes between check and write.
 */
export async function assertNewColleagueAddress(
	context: DirectusContext,
	admin: TeamAdmin,
	email: string,
): Promise<void> {
	const address = email.trim().toLowerCase();
	const usable =
		(await fetchCustomerEmailDomains(context, admin.contact.customer)).includes(emailDomain(address)) &&
		(await readContacts(context.knex, (await fetchDataMap(context)).contacts, { email: address })).length === 0 &&
		!(await context.knex('directus_users').select('id').whereRaw('lower(email) = ?', [address]).first());
	if (!usable) throw new TeamActionRefusedError({ reason: unusableColleagueAddress });
}
