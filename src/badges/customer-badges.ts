import type { Knex } from 'knex';

/** Every customer's badge, as a subquery: the policies that are badges. */
export const customerBadges = (knex: Knex) => knex('customers').select('portal_badge').whereNotNull('portal_badge');
