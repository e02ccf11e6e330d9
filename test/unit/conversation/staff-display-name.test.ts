import { describe, expect, test } from 'vitest';
import { parseStaffDisplayName } from '../../../src/conversation/parse-staff-display-name.ts';
import { staffDisplayName } from '../../../src/conversation/staff-display-name.ts';

describe('A staff member’s name as contacts read it', () => {
	const ana = { first_name: 'Ana', last_name: 'Rivera' };
	test('Follows the settings’ style', () => {
		expect(staffDisplayName(ana, 'full_name')).toBe('Ana Rivera');
		expect(staffDisplayName(ana, 'first_name_initial')).toBe('Ana R.');
		expect(staffDisplayName(ana, 'first_name')).toBe('Ana');
		expect(staffDisplayName(ana, 'team')).toBe('Service team');
	});

	test('Takes a whole letter of any script for the initial, and falls back to the team without a name', () => {
		expect(staffDisplayName({ first_name: 'Łukasz', last_name: 'Ćwik' }, 'first_name_initial')).toBe('Łukasz Ć.');
		expect(staffDisplayName({ first_name: 'نور', last_name: '𝒵eta' }, 'first_name_initial')).toBe('نور 𝒵.');
		expect(staffDisplayName({ first_name: 'Ana', last_name: null }, 'first_name_initial')).toBe('Ana');
		expect(staffDisplayName({ first_name: null, last_name: 'Rivera' }, 'first_name')).toBe('Service team');
		expect(staffDisplayName({ first_name: null, last_name: 'Rivera' }, 'full_name')).toBe('Rivera');
		expect(staffDisplayName({ first_name: '  ', last_name: '' }, 'full_name')).toBe('Service team');
		expect(staffDisplayName(undefined, 'full_name')).toBe('Service team');
	});

	test('The name a staff member chose wins over every style; an empty one, or one with an @, does not', () => {
		const chosen = { ...ana, portal_display_name: ' Ana from Support ' };
		for (const style of ['full_name', 'first_name_initial', 'first_name', 'team'] as const)
			expect(staffDisplayName(chosen, style)).toBe('Ana from Support');
		expect(staffDisplayName({ ...ana, portal_display_name: '  ' }, 'first_name')).toBe('Ana');
		expect(staffDisplayName({ ...ana, portal_display_name: 'ana@example.com' }, 'first_name')).toBe('Ana');
	});
});

describe('The name a staff member chooses to be shown by', () => {
	test('Is stored trimmed, and empty as none', () => {
		expect(parseStaffDisplayName('  Ana from Support ')).toBe('Ana from Support');
		expect(parseStaffDisplayName('   ')).toBeNull();
		expect(parseStaffDisplayName(null)).toBeNull();
		expect(parseStaffDisplayName('Ł'.repeat(60))).toBe('Ł'.repeat(60));
	});

	test('Refuses in words what is no name: too long, an e-mail address, not text', () => {
		expect(() => parseStaffDisplayName('A'.repeat(61))).toThrow(/at most 60 characters/);
		expect(() => parseStaffDisplayName('ana@example.com')).toThrow(/cannot be an e-mail address/);
		expect(() => parseStaffDisplayName('Ana @ Support')).toThrow(/has an @/);
		expect(() => parseStaffDisplayName(7)).toThrow(/a name as text/);
	});
});
