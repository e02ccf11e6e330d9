import type { BadgeHolders } from './fetch-badge-holders.ts';

/** Of the badge attachments held, those to a role or to anyone but an active portal user of the badge's customer. Their ids. */
export function strayBadgeRows({ customerOfBadge, entitled, held }: BadgeHolders): string[] {
	return held
		.filter((row) => row.user === null || entitled.get(row.user) !== customerOfBadge.get(row.policy))
		.map((row) => row.id);
}
