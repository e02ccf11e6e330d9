import type { Knex } from 'knex';
import { badgeNameSql } from './badge-name.ts';

/**
 * Brings every badge's tree path and name in line with its customer, in one statement: after a customer
 * moves, the paths of its whole subtree changed. Run after the move commits, and at start-up.
 */
export async function refreshCustomerBadges(knex: Knex): Promise<void> {
	const ofCustomer = (expression: string) =>
		`(SELECT ${expression} FROM customers WHERE customers.portal_badge = directus_policies.id)`;
	await knex.raw(
		`UPDATE directus_policies SET portal_tree_path = ${ofCustomer('customers.tree_path')}, name = ${ofCustomer(badgeNameSql)}
		 WHERE EXISTS (SELECT 1 FROM customers WHERE customers.portal_badge = directus_policies.id
		   AND (customers.tree_path IS DISTINCT FROM directus_policies.portal_tree_path OR ${badgeNameSql} <> directus_policies.name))`,
	);
}
