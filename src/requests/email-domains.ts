/**
 * E-mail domains as customers list them (the `email_domains` role: comma-separated text, or a JSON list)
 * and as addresses carry them.
 */

/** The domain of an e-mail address, lower-cased; empty when it has none. */
export function emailDomain(email: string): string {
	return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * The domains a customer lists, lower-cased and trimmed, as read straight from the database — comma-separated
 * text, or a JSON list stored as text — or through Directus, as a list. Anything else lists none.
 */
export function listedDomains(stored: unknown): string[] {
	let entries: unknown[] = [];
	if (Array.isArray(stored)) entries = stored;
	else if (typeof stored === 'string') entries = splitStored(stored);
	return entries
		.filter((entry): entry is string => typeof entry === 'string')
		.map((entry) => entry.trim().toLowerCase())
		.filter((entry) => entry !== '');
}

function splitStored(stored: string): unknown[] {
	// A JSON column's value read as text: a list, or (not a list of domains) anything else.
	if (!/^\s*[[{"]/.test(stored)) return stored.split(',');
	try {
		const parsed: unknown = JSON.parse(stored);
		return Array.isArray(parsed) ? parsed : [];
	} catch {
		return [];
	}
}
