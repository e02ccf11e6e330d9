import { filterCustomerBadges } from '../badges/filter-customer-badges.ts';
import type { DirectusContext } from '../directus/directus-context.ts';

/** Of `policies`, those that are not the product's to give (a portal group's policy or a customer badge): a user holding one works as staff. */
export async function staffPolicies(
	context: Pick<DirectusContext, 'knex'>,
	policies: string[],
	groupPolicies: Set<string>,
): Promise<string[]> {
	const others = policies.filter((policy) => !groupPolicies.has(policy));
	const badges = await filterCustomerBadges(context.knex, others);
	return others.filter((policy) => !badges.has(policy));
}
