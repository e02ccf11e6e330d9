/**
 * A customer's primary key as a request may carry it (a number, or digits in a string from a URL),
 * or null when it is not one: Directus's own validation then answers for the request.
 */
export function customerKey(value: unknown): number | null {
	if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
	if (typeof value === 'string' && /^[1-9]\d{0,15}$/.test(value)) return customerKey(Number(value));
	return null;
}
