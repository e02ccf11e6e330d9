import { expect, test } from 'vitest';
import { isGroupWithin } from '../../../src/groups/is-group-within.ts';
import { normalizeGroupPermissions } from '../../../src/groups/normalize-group-permissions.ts';
import { systemGroups } from '../../../src/groups/system-groups.ts';

const group = (name: string) =>
	normalizeGroupPermissions(systemGroups.find((candidate) => candidate.name === name)?.permissions ?? {});

test('Orders the system groups: No Portal Access within Basic within Manager within Administrator', () => {
	const order = ['No Portal Access', 'Basic', 'Manager', 'Administrator'];
	for (const [index, name] of order.entries()) {
		for (const other of order.slice(index))
			expect({ name, other, within: isGroupWithin(group(name), group(other)) }).toEqual({ name, other, within: true });
		for (const other of order.slice(0, index))
			expect({ name, other, within: isGroupWithin(group(name), group(other)) }).toEqual({ name, other, within: false });
	}
});

test('A single wider capability puts a group above its holder', () => {
	const holder = normalizeGroupPermissions({
		'tickets.view': 'customer',
		'devices.access': 'view',
		'devices.scope': 'all',
		'devices.extra_fields': ['model'],
	});
	expect(isGroupWithin(normalizeGroupPermissions({ 'tickets.view': 'customer_tree' }), holder)).toBe(false);
	expect(isGroupWithin(normalizeGroupPermissions({ 'invoices.view': true }), holder)).toBe(false);
	expect(
		isGroupWithin(
			normalizeGroupPermissions({
				'devices.access': 'view',
				'devices.scope': 'all',
				'devices.extra_fields': ['model', 'notes'],
			}),
			holder,
		),
	).toBe(false);
	expect(
		isGroupWithin(
			normalizeGroupPermissions({
				'tickets.view': 'own',
				'devices.access': 'view',
				'devices.scope': 'created_or_location',
				'devices.extra_fields': ['model'],
			}),
			holder,
		),
	).toBe(true);
});
