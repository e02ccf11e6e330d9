import { describe, expect, test } from 'vitest';
import { itemKey } from '../../../src/data-map/item-key.ts';

describe('itemKey', () => {
	test('Reads positive integers, their digits and uuids (in lower case)', () => {
		expect(itemKey(7)).toBe(7);
		expect(itemKey('42')).toBe(42);
		expect(itemKey('9007199254740991')).toBe(9_007_199_254_740_991);
		const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';
		expect(itemKey(uuid)).toBe(uuid);
		expect(itemKey(uuid.toUpperCase())).toBe(uuid);
	});

	test('Reads nothing else as a key', () => {
		for (const value of [
			0,
			-1,
			1.5,
			Number.NaN,
			2 ** 53,
			'0',
			'007',
			'-3',
			'1e3',
			' 4',
			'9007199254740993',
			'',
			'abc',
			'0f8fad5b-d9cb-469f-a165-70867728950',
			'0f8fad5b-d9cb-469f-a165-70867728950e ',
			{ id: 1 },
			[1],
			null,
			undefined,
			true,
		])
			expect(itemKey(value), JSON.stringify(value)).toBeNull();
	});
});
