/** Formatting of dates, money and names for display, in the portal's language (not the browser's), the same everywhere. */
import { currentLocale } from '../i18n/current-language.ts';

export function formatDate(value: string | null | undefined): string {
	if (!value) return '—';
	const date = new Date(value);
	return Number.isNaN(date.getTime())
		? value
		: date.toLocaleDateString(currentLocale(), { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatDateTime(value: string | null | undefined): string {
	if (!value) return '—';
	const date = new Date(value);
	return Number.isNaN(date.getTime())
		? value
		: date.toLocaleString(currentLocale(), {
				year: 'numeric',
				month: 'short',
				day: 'numeric',
				hour: '2-digit',
				minute: '2-digit',
			});
}

export function formatMoney(value: number | string | null | undefined): string {
	if (value === null || value === undefined || value === '') return '—';
	const amount = Number(value);
	return Number.isFinite(amount)
		? amount.toLocaleString(currentLocale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 })
		: String(value);
}

export function personName(
	person: { first_name?: string | null; last_name?: string | null } | null | undefined,
): string {
	if (!person) return '';
	return [person.first_name, person.last_name].filter((part) => part).join(' ');
}

export function formatBytes(size: number | null | undefined): string {
	if (!size) return '';
	if (size < 1024) return `${size} B`;
	const oneDecimal = (value: number) =>
		value.toLocaleString(currentLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
	if (size < 1024 * 1024) return `${oneDecimal(size / 1024)} KB`;
	return `${oneDecimal(size / 1024 / 1024)} MB`;
}
