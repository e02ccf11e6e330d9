import type { Knex } from 'knex';
import { readAccessRows } from '../directus/access-rows.ts';
import { groupAccessDrift, type GroupAccessDrift } from '../access/group-access-drift.ts';
import { customerBadges } from '../badges/customer-badges.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import { strayBadgeAccess } from '../badges/stray-badge-access.ts';

/** What reaches portal users besides their contacts' groups and badges, as the doctor checks it. */
export interface PortalUserAccess {
	/** Policies no portal group manages, held by the portal role or by a portal user (badges aside). */
	foreignPolicies: string[];
	drift: GroupAccessDrift;
	/** Badge attachments that should not exist (see `strayBadgeAccess`); none looked for before badges exist. */
	strayBadges: string[];
}

/**
 * Every check of who holds what among portal users, from one read of `directus_access` and of each table
 * it is compared with, joined in memory: no plan to go wrong while PostgreSQL's statistics lag behind a
 * bulk import of portal users (see `readAccessRows`).
 */
export async function readPortalUserAccess(
	knex: Knex,
	{ portalRole, defaultGroup, badgesReady }: { portalRole: string; defaultGroup: number | null; badgesReady: boolean },
): Promise<PortalUserAccess> {
	const access = await readAccessRows(knex);
	const portalUsers = new Set(
		((await knex('directus_users').select('id').where('role', portalRole)) as { id: string }[]).map((row) => row.id),
	);
	const managed = new Set(
		((await knex('portal_groups').select('policy').whereNotNull('policy')) as { policy: string }[]).map(
			(row) => row.policy,
		),
	);
	const badges = new Set(
		badgesReady
			? ((await customerBadges(knex, (await fetchDataMap({ knex })).customers)) as { badge: string }[]).map(
					(row) => row.badge,
				)
			: [],
	);
	const reaching = access.filter(
		(row) => row.role === portalRole || (row.user !== null && portalUsers.has(row.user) && !badges.has(row.policy)),
	);
	return {
		foreignPolicies: [...new Set(reaching.map((row) => row.policy))].filter((policy) => !managed.has(policy)),
		drift: await groupAccessDrift(knex, { portalRole, defaultGroup }, access),
		strayBadges: badgesReady ? await strayBadgeAccess(knex, access) : [],
	};
}
