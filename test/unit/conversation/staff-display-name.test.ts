import { describe, expect, test } from 'vitest';
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
});
