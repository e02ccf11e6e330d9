/** A device's values in words, as the app reads it (lib/fields.ts `deviceFields`). */
import { strings } from '../strings.ts';
import type { DeviceRow } from './fields.ts';

/** The device types Directus offers for `devices.type` (schema-snapshot choices), in words. */
export const deviceTypes = Object.keys(strings.devices.types);

/** A plain field's value for display: the type in words, a dash for nothing. */
export function deviceText(device: DeviceRow, field: keyof DeviceRow): string {
	const value = device[field];
	if (value === null || value === undefined || value === '') return '—';
	if (field === 'type') return strings.devices.types[String(value)] ?? String(value);
	return String(value);
}
