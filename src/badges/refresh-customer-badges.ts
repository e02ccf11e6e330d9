import type { Knex } from 'knex';
import { fieldOf } from '../compiler/mapped-fields.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import { badgeNameSql } from './badge-name.ts';

/**
 * Brings every badge's tree path and name in line with its customer, in one statement: after a customer
 * moves, the paths of its whole subtree changed. Run after the move commits, and at start-up.
 */
export async function refreshCustomerBadges(knex: Knex): Promise<void> {
	const { customers } = await fetchDataMap({ knex });
	const column = (role: 'badge' | 'tree_path' | 'name') => `${customers.collection}.${fieldOf(customers, role)}`;
	const ofCustomer = `FROM ?? WHERE ?? = directus_policies.id`;
	const where = [customers.collection, column('badge')];
	await knex.raw(
		`UPDATE directus_policies SET portal_tree_path = (SELECT ?? ${ofCustomer}), name = (SELECT ${badgeNameSql} ${ofCustomer})
		 WHERE EXISTS (SELECT 1 ${ofCustomer}
		   AND (?? IS DISTINCT FROM directus_policies.portal_tree_path OR ${badgeNameSql} <> directus_policies.name))`,
		[column('tree_path'), ...where, column('name'), ...where, ...where, column('tree_path'), column('name')],
	);
}
