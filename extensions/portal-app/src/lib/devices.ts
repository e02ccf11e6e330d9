/** A device as the app reads it (lib/fields.ts `deviceFields`), and its values in words. */
import { strings } from '../strings.ts';

export type Device = Record<string, unknown> & {
	id: number;
	name: string;
	type: string;
	serial: string | null;
	date_created: string | null;
	location: { id: number; name: string } | null;
};

/** The device types Directus offers for `devices.type` (schema-snapshot choices), in words. */
export const deviceTypes = Object.keys(strings.devices.types);

/** A plain field's value for display: the type in words, a dash for nothing. */
export function deviceText(device: Device, field: string): string {
	const value = device[field];
	if (value === null || value === undefined || value === '') return '—';
	if (field === 'type') return strings.devices.types[String(value)] ?? String(value);
	return String(value);
}
