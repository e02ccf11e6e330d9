import type { Knex } from 'knex';
import type { AccessRow } from '../directus/access-rows.ts';
import { fetchBadgeHolders } from './fetch-badge-holders.ts';
import { strayBadgeRows } from './stray-badge-rows.ts';

/**
 * Badge attachments that should not exist: to a role, to anyone but an active portal user whose contact
 * belongs to the badge's customer. Their ids. `access`: every attachment, when the caller has read them already.
 */
export async function strayBadgeAccess(knex: Knex, access?: readonly AccessRow[]): Promise<string[]> {
	return strayBadgeRows(await fetchBadgeHolders(knex, access));
}
