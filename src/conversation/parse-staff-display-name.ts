import { InvalidPayloadError } from '@directus/errors';

/** The field of Directus's users the product adds: the name a staff member is shown to contacts by. */
export const staffDisplayNameField = 'portal_display_name';

/** The longest name a staff member may be shown to contacts by, in characters. */
export const staffDisplayNameMaxLength = 60;

/**
 * The name a staff member chose to be shown to contacts by, as it is stored: trimmed, and null where it is empty
 * (the settings' style names them then). Refused: anything but text or null, a name longer than
 * `staffDisplayNameMaxLength`, and one with an @, which would show contacts an e-mail address.
 */
export function parseStaffDisplayName(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	if (typeof value !== 'string')
		throw new InvalidPayloadError({ reason: `"${staffDisplayNameField}" is a name as text, or null to clear it.` });
	const name = value.trim();
	if (name === '') return null;
	if (Array.from(name).length > staffDisplayNameMaxLength)
		throw new InvalidPayloadError({
			reason: `The name shown to customers is at most ${staffDisplayNameMaxLength} characters long.`,
		});
	if (name.includes('@'))
		throw new InvalidPayloadError({
			reason: 'The name shown to customers cannot be an e-mail address (it has an @): choose a name.',
		});
	return name;
}
