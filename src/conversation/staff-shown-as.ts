import type { DirectusContext } from '../directus/directus-context.ts';
import { staffDisplayNameField } from './parse-staff-display-name.ts';
import { staffDisplayName, type StaffNameStyle } from './staff-display-name.ts';

/** The name a staff member chose to be shown to contacts by (or null), and the name contacts read. */
export async function staffShownAs(
	context: DirectusContext,
	user: string,
	style: StaffNameStyle,
): Promise<{ display_name: string | null; shown_as: string }> {
	const row = (await context
		.knex('directus_users')
		.select('first_name', 'last_name', staffDisplayNameField)
		.where('id', user)
		.first()) as
		{ first_name: string | null; last_name: string | null; portal_display_name: string | null } | undefined;
	return { display_name: row?.portal_display_name ?? null, shown_as: staffDisplayName(row, style) };
}
