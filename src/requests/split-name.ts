/** "Ada Lovelace" -> Ada / Lovelace; a single word is the last name. */
export function splitName(name: string): { first_name: string | null; last_name: string } {
	const parts = name.trim().split(/\s+/);
	const last = parts.pop() ?? name;
	return { first_name: parts.length > 0 ? parts.join(' ') : null, last_name: last };
}
