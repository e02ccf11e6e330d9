/** A stored date and time in the staff member's own locale and time zone, short; empty for none. */
export function shortDateTime(value: string | null | undefined, dateStyle: 'short' | 'medium' = 'short'): string {
	return value ? new Date(value).toLocaleString(undefined, { dateStyle, timeStyle: 'short' }) : '';
}
