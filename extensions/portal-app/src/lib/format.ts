/** Formatting of dates, money and names for display; pure, so the same everywhere. */

export function formatDate(value: string | null | undefined): string {
	if (!value) return '—';
	const date = new Date(value);
	return Number.isNaN(date.getTime())
		? value
		: date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatDateTime(value: string | null | undefined): string {
	if (!value) return '—';
	const date = new Date(value);
	return Number.isNaN(date.getTime())
		? value
		: date.toLocaleString(undefined, {
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
		? amount.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
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
	if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
	return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
