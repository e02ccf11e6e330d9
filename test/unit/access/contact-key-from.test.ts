import { describe, expect, test } from 'vitest';
import { contactKeyFrom } from '../../../src/access/contact-key-from.ts';

describe('contactKeyFrom', () => {
	test('an integer key takes a positive whole number, sent as a number or as digits', () => {
		expect(contactKeyFrom(12, 'integer')).toBe(12);
		expect(contactKeyFrom('12', 'integer')).toBe(12);
		expect(contactKeyFrom('12', 'bigInteger')).toBe(12);
		for (const value of [
			0,
			-3,
			1.5,
			'1.5',
			' 12',
			'12abc',
			'abc',
			'',
			null,
			undefined,
			{},
			Number.MAX_SAFE_INTEGER + 2,
		])
			expect(contactKeyFrom(value, 'integer')).toBeNull();
	});

	test('a uuid key takes a uuid only, lower-cased as Directus stores it; never a number', () => {
		const key = '0b1f3c52-6d1e-4f5a-9a0b-2c3d4e5f6a7b';
		expect(contactKeyFrom(key, 'uuid')).toBe(key);
		expect(contactKeyFrom(key.toUpperCase(), 'uuid')).toBe(key);
		for (const value of [12, '12', 'abc', `${key}x`, '', null]) expect(contactKeyFrom(value, 'uuid')).toBeNull();
	});

	test('a text key takes short text (a number as its digits), never empty or too long', () => {
		expect(contactKeyFrom('P-0042', 'string')).toBe('P-0042');
		expect(contactKeyFrom(42, 'string')).toBe('42');
		for (const value of ['', 'x'.repeat(256), null, {}]) expect(contactKeyFrom(value, 'string')).toBeNull();
	});
});
