/** A row's key: an integer, or a uuid. */
export type ItemKey = number | string;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The key of a row of a mapped collection as a request may carry it: a positive integer (or its digits, from a
 * URL) as the bundled collections' keys are, or a uuid as a team's collection may have, in lower case as the
 * database gives it back (so that keys compare as they are equal); null for anything else (a nested object, a
 * float, free text), which then names no row.
 */
export function itemKey(value: unknown): ItemKey | null {
	if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : null;
	if (typeof value !== 'string') return null;
	if (uuid.test(value)) return value.toLowerCase();
	return /^[1-9]\d{0,15}$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : null;
}
