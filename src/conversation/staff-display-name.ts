/** How staff who answer tickets are named to contacts, chosen in the portal settings. */
export const staffNameStyles = ['full_name', 'first_name_initial', 'first_name', 'team'] as const;
export type StaffNameStyle = (typeof staffNameStyles)[number];

/** What contacts read where staff are not named (or have no name in Directus). */
export const serviceTeamName = 'Service team';

export function isStaffNameStyle(value: unknown): value is StaffNameStyle {
	return staffNameStyles.includes(value as StaffNameStyle);
}

/**
 * A staff member's name as contacts read it: the name they chose to be shown by (`portal_display_name`), which wins
 * over the settings' style; else "Ana Rivera", "Ana R.", "Ana" or, with `team` or no name stored, the service team.
 * Never their e-mail address.
 */
export function staffDisplayName(
	user:
		{ first_name?: string | null; last_name?: string | null; portal_display_name?: string | null } | null | undefined,
	style: StaffNameStyle,
): string {
	const chosen = user?.portal_display_name?.trim() ?? '';
	if (chosen && !chosen.includes('@')) return chosen;
	const first = user?.first_name?.trim() ?? '';
	const last = user?.last_name?.trim() ?? '';
	if (style === 'team' || (!first && !last)) return serviceTeamName;
	if (style === 'full_name') return [first, last].filter(Boolean).join(' ');
	if (!first) return serviceTeamName;
	if (style === 'first_name' || !last) return first;
	return `${first} ${Array.from(last)[0]?.toUpperCase()}.`;
}
