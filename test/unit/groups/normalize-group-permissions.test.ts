import { describe, expect, test } from 'vitest';
import { capabilities } from '../../../src/catalogue/capabilities.ts';
import { InvalidGroupPermissionsError } from '../../../src/errors/invalid-group-permissions-error.ts';
import { assertGroupPermissions } from '../../../src/groups/assert-group-permissions.ts';
import {
	findPermissionProblems,
	grantsPortalAccess,
	normalizeGroupPermissions,
} from '../../../src/groups/normalize-group-permissions.ts';
import { systemGroups } from '../../../src/groups/system-groups.ts';

describe('findPermissionProblems', () => {
	test('Accepts an empty object and every catalogue value', () => {
		expect(findPermissionProblems({})).toEqual([]);
		expect(
			findPermissionProblems({
				'tickets.view': 'customer_tree',
				'tickets.create': true,
				'devices.extra_fields': ['model', 'notes'],
			}),
		).toEqual([]);
	});

	test('Names each unknown key and each value that does not fit', () => {
		expect(
			findPermissionProblems({
				'tickets.delete': true,
				'tickets.view': 'all',
				'kb.view': 1,
				'devices.extra_fields': ['admin_password'],
			}),
		).toEqual([
			'"tickets.delete" is not a portal capability.',
			'"tickets.view" must be one of "none", "own", "customer", "customer_tree".',
			'"kb.view" must be true or false.',
			'"devices.extra_fields" must be a list of distinct fields among "manufacturer", "model", "ip_address", "warranty_expires", "notes".',
		]);
	});

	test('Refuses anything but an object', () => {
		for (const input of [null, 'tickets.view', ['tickets.view'], 3])
			expect(findPermissionProblems(input)).toHaveLength(1);
	});

	test('Refuses a field list with repeats', () => {
		expect(findPermissionProblems({ 'devices.extra_fields': ['model', 'model'] })).toHaveLength(1);
	});
});

describe('normalizeGroupPermissions', () => {
	test('Fills every capability left out with the value that grants nothing', () => {
		const normalized = normalizeGroupPermissions({});
		expect(Object.keys(normalized)).toEqual(capabilities.map((capability) => capability.key));
		expect(grantsPortalAccess(normalized)).toBe(false);
	});

	test('Turns off what depends on a capability that grants nothing', () => {
		const normalized = normalizeGroupPermissions({
			'tickets.reply': true,
			'tickets.view_priority': true,
			'projects.notes': true,
			'devices.scope': 'all',
			'devices.extra_fields': ['model'],
			'tickets.set_priority': true,
		});
		expect(normalized['tickets.reply']).toBe(false);
		expect(normalized['tickets.view_priority']).toBe(false);
		expect(normalized['projects.notes']).toBe(false);
		expect(normalized['devices.scope']).toBe('none');
		expect(normalized['devices.extra_fields']).toEqual([]);
		expect(normalized['tickets.set_priority']).toBe(false);
	});

	test('Never lets tickets.edit reach wider than tickets.view', () => {
		expect(normalizeGroupPermissions({ 'tickets.view': 'own', 'tickets.edit': 'customer_tree' })['tickets.edit']).toBe(
			'own',
		);
		expect(
			normalizeGroupPermissions({ 'tickets.view': 'customer_tree', 'tickets.edit': 'customer' })['tickets.edit'],
		).toBe('customer');
	});
});

test('assertGroupPermissions throws one 400 that lists every problem', () => {
	expect(() => assertGroupPermissions({ nope: true })).toThrow(InvalidGroupPermissionsError);
	expect(() => assertGroupPermissions({ nope: true })).toThrow(
		'The portal group\'s permissions are not valid: "nope" is not a portal capability.',
	);
});

describe('System groups', () => {
	test('Are valid, and only No Portal Access grants nothing', () => {
		for (const group of systemGroups) {
			expect({ group: group.name, problems: findPermissionProblems(group.permissions) }).toEqual({
				group: group.name,
				problems: [],
			});
			expect({ group: group.name, grants: grantsPortalAccess(normalizeGroupPermissions(group.permissions)) }).toEqual({
				group: group.name,
				grants: group.name !== 'No Portal Access',
			});
		}
	});

	test('Let clients assign all but Administrator', () => {
		expect(systemGroups.filter((group) => !group.assignable_by_client).map((group) => group.name)).toEqual([
			'Administrator',
		]);
	});
});
