import type { ContactKey } from './contact-access-fields.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A contact key as a request sends it (a route's `:id`, a body's `contact`), read for the type of the key of
 * the collection playing contacts: a positive whole number for an integer key, a uuid for a uuid key, any
 * short text for a text key. Null for anything else, so a malformed key never reaches the database (where
 * PostgreSQL would refuse it with an error of its own rather than find nothing).
 */
export function contactKeyFrom(value: unknown, keyType: string | undefined): ContactKey | null {
	if (keyType === 'uuid') return typeof value === 'string' && uuidPattern.test(value) ? value.toLowerCase() : null;
	if (keyType === 'string') {
		if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
		return typeof value === 'string' && value !== '' && value.length <= 255 ? value : null;
	}
	if (typeof value !== 'number' && !(typeof value === 'string' && /^\d+$/.test(value))) return null;
	const key = Number(value);
	return Number.isSafeInteger(key) && key > 0 ? key : null;
}
