/**
 * Whether a save of a ticket creates a public reply through the ticket's replies field, as Directus's item screen
 * does when staff write a reply and change the state in one save. Directus takes a one-to-many field as a list (a
 * new row is an object without its key; a key or an object with one links or edits a row already there) or as
 * `{ create, update, delete }`.
 */
export function createsPublicReply(
	payload: unknown,
	{ field, key, internal }: { field: string; key: string; internal: string | null },
): boolean {
	const value = (payload as Record<string, unknown> | null | undefined)?.[field];
	let created: Record<string, unknown>[] = [];
	if (Array.isArray(value))
		created = value.filter((row) => isRow(row) && (row[key] === undefined || row[key] === null));
	else if (isRow(value) && Array.isArray(value['create'])) created = value['create'].filter(isRow);
	return created.some((row) => internal === null || !isInternal(row[internal]));
}

const isRow = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** A flag as Directus takes it from a form or an API client: true, 1, "1" or "true". */
const isInternal = (value: unknown) => value === true || value === 1 || value === '1' || value === 'true';
