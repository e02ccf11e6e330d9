import { describe, expect, test } from 'vitest';
import { assertGroupName } from '../../../src/groups/assert-group-name.ts';
import { assertSettingsLimits } from '../../../src/settings/assert-settings-limits.ts';

describe('Limits on what staff type in the studio', () => {
	test.each([0, -5, 100000, 721, 1.5, 'soon', null, '', '0'])(
		'An invitation validity of %j hours is refused',
		(hours) => {
			expect(() => assertSettingsLimits({ invite_ttl_hours: hours })).toThrow(/from 1 to 720/);
		},
	);

	test.each([1, 72, 720, '48', ' 24 '])('An invitation validity of %j hours is taken', (hours) => {
		expect(() => assertSettingsLimits({ invite_ttl_hours: hours })).not.toThrow();
		expect(() => assertSettingsLimits({ portal_name: 'x' })).not.toThrow();
	});

	test('A group’s name is trimmed, needed, and at most 100 characters (of any script)', () => {
		expect(assertGroupName('  Support leads ')).toBe('Support leads');
		expect(assertGroupName('م'.repeat(100))).toBe('م'.repeat(100));
		for (const empty of ['', '   ', null, 42]) expect(() => assertGroupName(empty)).toThrow('A group needs a name.');
		expect(() => assertGroupName('x'.repeat(101))).toThrow(/at most 100 characters/);
		expect(() => assertGroupName('x'.repeat(400))).toThrow(/at most 100 characters/);
	});
});
