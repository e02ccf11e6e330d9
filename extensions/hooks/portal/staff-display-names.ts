/**
 * The name a staff member is shown to contacts by (`directus_users.portal_display_name`), however it is written —
 * the studio's conversation page or Directus's User Directory: trimmed, empty as none, and refused in words where it
 * is too long or an e-mail address (`parseStaffDisplayName`), before Directus writes anything.
 */
import type { RegisterFunctions } from '@directus/types';
import { parseStaffDisplayName, staffDisplayNameField } from '../../../src/conversation/parse-staff-display-name.ts';

export function registerStaffDisplayNames({ filter }: RegisterFunctions): void {
	const normalise = (payload: unknown) => {
		if (typeof payload !== 'object' || payload === null || !(staffDisplayNameField in payload)) return payload;
		const row = payload as Record<string, unknown>;
		return { ...row, [staffDisplayNameField]: parseStaffDisplayName(row[staffDisplayNameField]) };
	};
	filter('users.create', normalise);
	filter('users.update', normalise);
}
