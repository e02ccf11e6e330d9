import type { Knex } from 'knex';
import { fieldOf } from '../compiler/mapped-fields.ts';
import type { ObjectMap } from '../data-map/data-map.ts';

/** Every customer's badge, as a subquery: the policies that are badges (one column, `badge`). */
export const customerBadges = (knex: Knex, customers: ObjectMap<'customers'>) =>
	knex(customers.collection)
		.select({ badge: fieldOf(customers, 'badge') })
		.whereNotNull(fieldOf(customers, 'badge'));
