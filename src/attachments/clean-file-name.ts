/**
 * A file name safe to show and to offer as a download name: no folders, no control characters (C0 and C1),
 * and no bidirectional formatting characters, which let `invoice\u202Efdp.exe` show as `invoiceexe.pdf`.
 * Right-to-left text needs none of them to show right.
 */
export function cleanFileName(name: unknown): string | null {
	if (typeof name !== 'string') return null;
	const base = name.split(/[\\/]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex
	const cleaned = base.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
	return cleaned.length > 0 && cleaned.length <= 200 && cleaned !== '.' && cleaned !== '..' ? cleaned : null;
}
