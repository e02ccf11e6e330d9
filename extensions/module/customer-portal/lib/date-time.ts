import { studioLocale } from '../i18n/studio-language.ts';

/** A stored date and time in the studio's language (not the browser's) and the staff member's time zone, short; empty for none. */
export function shortDateTime(
	value: string | Date | null | undefined,
	dateStyle: 'short' | 'medium' = 'short',
): string {
	return value ? new Date(value).toLocaleString(studioLocale(), { dateStyle, timeStyle: 'short' }) : '';
}
