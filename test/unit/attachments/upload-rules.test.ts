import { describe, expect, test } from 'vitest';
import { cleanFileName } from '../../../src/attachments/clean-file-name.ts';
import { mediaType } from '../../../src/attachments/media-type.ts';
import { defaultUploadLimitBytes, uploadLimitFromEnv } from '../../../src/attachments/upload-limit-from-env.ts';
import { uploadTypes } from '../../../src/attachments/upload-types.ts';

describe('cleanFileName', () => {
	test('Keeps a plain file name as it is', () => {
		expect(cleanFileName('report.pdf')).toBe('report.pdf');
		expect(cleanFileName('Quarterly report (final).xlsx')).toBe('Quarterly report (final).xlsx');
	});

	test('Keeps only the last part of a name with forward or back slashes', () => {
		expect(cleanFileName('folder/sub/report.pdf')).toBe('report.pdf');
		expect(cleanFileName('C:\\Users\\ada\\report.pdf')).toBe('report.pdf');
		expect(cleanFileName('mixed/path\\to/report.pdf')).toBe('report.pdf');
		expect(cleanFileName('/etc/passwd')).toBe('passwd');
	});

	test('Never gives back a name that climbs out of a folder', () => {
		expect(cleanFileName('../../etc/passwd')).toBe('passwd');
		expect(cleanFileName('..\\..\\boot.ini')).toBe('boot.ini');
		expect(cleanFileName('..')).toBeNull();
		expect(cleanFileName('.')).toBeNull();
		expect(cleanFileName('uploads/..')).toBeNull();
		expect(cleanFileName('uploads\\.')).toBeNull();
	});

	test('Refuses a name that ends in a slash, so holds no file name', () => {
		expect(cleanFileName('folder/')).toBeNull();
		expect(cleanFileName('folder\\')).toBeNull();
		expect(cleanFileName('/')).toBeNull();
	});

	test('Removes control characters, newlines and NUL included', () => {
		expect(cleanFileName('re\u0000port.pdf')).toBe('report.pdf');
		expect(cleanFileName('report\r\nX-Injected: 1.pdf')).toBe('reportX-Injected: 1.pdf');
		expect(cleanFileName('tab\there.txt')).toBe('tabhere.txt');
		expect(cleanFileName('bell\u0007\u001f\u007f.txt')).toBe('bell.txt');
	});

	test('Trims surrounding spaces after removing control characters', () => {
		expect(cleanFileName('  report.pdf  ')).toBe('report.pdf');
		expect(cleanFileName('\u0001 report.pdf \u0002')).toBe('report.pdf');
	});

	test('Refuses a name that is empty once cleaned', () => {
		expect(cleanFileName('')).toBeNull();
		expect(cleanFileName('   ')).toBeNull();
		expect(cleanFileName('\u0000\u0001\n')).toBeNull();
	});

	test('Accepts a name of 200 characters and refuses one of 201', () => {
		expect(cleanFileName(`${'a'.repeat(196)}.pdf`)).toBe(`${'a'.repeat(196)}.pdf`);
		expect(cleanFileName(`${'a'.repeat(197)}.pdf`)).toBeNull();
		expect(cleanFileName('a'.repeat(10_000))).toBeNull();
	});

	test('Measures the length of the cleaned name, not of the path it came with', () => {
		expect(cleanFileName(`${'d'.repeat(500)}/report.pdf`)).toBe('report.pdf');
		expect(cleanFileName(`${'\u0000'.repeat(500)}report.pdf`)).toBe('report.pdf');
	});

	test('Keeps non-ASCII names as they are', () => {
		for (const name of ['Überweisung März.pdf', 'Отчёт 2026.xlsx', '報告書.docx', 'café crème.png', '😀 smile.png'])
			expect(cleanFileName(name)).toBe(name);
	});

	test('Keeps right-to-left names as they are', () => {
		for (const name of ['تقرير الربع.pdf', 'דוח שנתי.pdf', 'mixed עברית name.txt'])
			expect(cleanFileName(name)).toBe(name);
	});

	test('Drops the characters that make a name show other than it is: bidirectional overrides and C1 controls', () => {
		expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
		expect(cleanFileName('\u2067report\u2069.pdf')).toBe('report.pdf');
		expect(cleanFileName('\u200Fnote\u200E.txt\u061C')).toBe('note.txt');
		expect(cleanFileName('re\u0085port\u009F.pdf')).toBe('report.pdf');
		expect(cleanFileName('\u202E')).toBeNull();
	});

	test('Keeps a double extension: the type of a file is judged by its media type, not its name', () => {
		expect(cleanFileName('invoice.pdf.exe')).toBe('invoice.pdf.exe');
		expect(cleanFileName('archive.tar.gz')).toBe('archive.tar.gz');
		expect(cleanFileName('.hidden')).toBe('.hidden');
	});

	test('Refuses anything that is not a string', () => {
		for (const name of [undefined, null, 42, ['report.pdf'], { name: 'report.pdf' }])
			expect(cleanFileName(name)).toBeNull();
	});
});

describe('mediaType', () => {
	test('Drops parameters and lower-cases the type', () => {
		expect(mediaType('text/plain; charset=utf-8')).toBe('text/plain');
		expect(mediaType(' Application/PDF ')).toBe('application/pdf');
		expect(mediaType('IMAGE/PNG;name="x.png"')).toBe('image/png');
	});

	test('Gives an empty type for a missing or non-string header', () => {
		expect(mediaType(undefined)).toBe('');
		expect(mediaType('')).toBe('');
		expect(mediaType(['text/plain'])).toBe('');
	});
});

describe('uploadTypes', () => {
	test('Accepts common documents and images', () => {
		for (const type of [
			'application/pdf',
			'image/png',
			'image/jpeg',
			'text/plain',
			'text/csv',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		])
			expect(uploadTypes.has(type)).toBe(true);
	});

	test('Refuses types a browser would run or render as a page', () => {
		for (const type of [
			'text/html',
			'image/svg+xml',
			'application/javascript',
			'text/javascript',
			'application/xhtml+xml',
			'application/x-msdownload',
			'application/octet-stream',
			'',
		]) {
			expect({ type, accepted: uploadTypes.has(type) }).toEqual({ type, accepted: false });
		}
	});

	test('Holds types as mediaType gives them: without parameters and lower-case', () => {
		for (const type of uploadTypes) expect(mediaType(type)).toBe(type);
	});
});

describe('uploadLimitFromEnv', () => {
	test('Is 10 MB when PORTAL_UPLOAD_MAX_BYTES is not set', () => {
		expect(defaultUploadLimitBytes).toBe(10 * 1024 * 1024);
		expect(uploadLimitFromEnv({})).toBe(defaultUploadLimitBytes);
	});

	test('Takes a positive whole number of bytes, as a string or a number', () => {
		expect(uploadLimitFromEnv({ PORTAL_UPLOAD_MAX_BYTES: '1' })).toBe(1);
		expect(uploadLimitFromEnv({ PORTAL_UPLOAD_MAX_BYTES: '2048' })).toBe(2048);
		expect(uploadLimitFromEnv({ PORTAL_UPLOAD_MAX_BYTES: 52_428_800 })).toBe(52_428_800);
		expect(uploadLimitFromEnv({ PORTAL_UPLOAD_MAX_BYTES: String(Number.MAX_SAFE_INTEGER) })).toBe(
			Number.MAX_SAFE_INTEGER,
		);
	});

	test('Falls back to 10 MB for zero, a negative, a fraction, text or a number too large to count exactly', () => {
		for (const value of [
			'0',
			0,
			'-1',
			'1.5',
			'ten',
			'',
			null,
			String(Number.MAX_SAFE_INTEGER + 1),
			'Infinity',
			'NaN',
		]) {
			expect({ value, limit: uploadLimitFromEnv({ PORTAL_UPLOAD_MAX_BYTES: value }) }).toEqual({
				value,
				limit: defaultUploadLimitBytes,
			});
		}
	});
});
