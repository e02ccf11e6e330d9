/** A file name safe to show and to offer as a download name: no folders, no control characters. */
export function cleanFileName(name: unknown): string | null {
	if (typeof name !== 'string') return null;
	const base = name.split(/[\\/]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex
	const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
	return cleaned.length > 0 && cleaned.length <= 200 && cleaned !== '.' && cleaned !== '..' ? cleaned : null;
}
