/** E-mail domains as customers list them (`customers.email_domains`, stored as comma-separated text) and as addresses carry them. */

/** The domain of an e-mail address, lower-cased; empty when it has none. */
export function emailDomain(email: string): string {
	return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** The domains a customer lists, lower-cased and trimmed, as read straight from the database (or through Directus, as a list). */
export function listedDomains(stored: string | string[] | null | undefined): string[] {
	const entries = Array.isArray(stored) ? stored : (stored ?? '').split(',');
	return entries.map((entry) => entry.trim().toLowerCase()).filter((entry) => entry !== '');
}
