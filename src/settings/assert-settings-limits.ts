import { InvalidPayloadError } from '@directus/errors';
import { inviteTtlHours } from './settings-limits.ts';

/** The portal settings staff change, within the limits the product works with; refused in words otherwise. */
export function assertSettingsLimits(changes: Record<string, unknown>): void {
	if (!('invite_ttl_hours' in changes)) return;
	const value = changes['invite_ttl_hours'];
	// As a number, or as the text of one (a form's field may send either).
	const hours = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
	if (typeof hours !== 'number' || !Number.isInteger(hours) || hours < inviteTtlHours.min || hours > inviteTtlHours.max)
		throw new InvalidPayloadError({
			reason: `Invitation links stay valid for a whole number of hours from ${inviteTtlHours.min} to ${inviteTtlHours.max} (30 days).`,
		});
}
