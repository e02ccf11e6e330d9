import { describe, expect, test } from 'vitest';
import { capabilities, type Capability, findCapability } from '../../../src/catalogue/capabilities.ts';
import { systemGroups } from '../../../src/groups/system-groups.ts';
import { catalogueByArea } from '../../../extensions/module/customer-portal/lib/catalogue-by-area.ts';
import {
	copyName,
	disabledCapabilities,
	disabledChoices,
	formToPermissions,
	toGroupForm,
} from '../../../extensions/module/customer-portal/lib/group-form.ts';

const basic = systemGroups.find((group) => group.name === 'Basic')!;

describe('The catalogue by area', () => {
	test('Every capability once, in the six areas in order', () => {
		const areas = catalogueByArea();
		expect(areas.map((area) => area.area)).toEqual([
			'tickets',
			'projects',
			'devices',
			'knowledge',
			'financials',
			'account',
		]);
		expect(areas.flatMap((area) => area.capabilities.map((capability) => capability.key))).toEqual(
			capabilities
				.map((capability) => capability.key)
				.sort(
					(a, b) =>
						areas.findIndex((area) => area.area === findCapability(a)?.area) -
						areas.findIndex((area) => area.area === findCapability(b)?.area),
				),
		);
		expect(areas.every((area) => area.capabilities.every((capability) => capability.area === area.area))).toBe(true);
	});
});

describe('The group form', () => {
	test('Fills every capability, keeping what the group grants', () => {
		const form = toGroupForm(basic.permissions);
		expect(Object.keys(form).sort()).toEqual(capabilities.map((capability) => capability.key).sort());
		expect(form['tickets.view']).toBe('own');
		expect(form['projects.view']).toBe('none');
		expect(form['invoices.view']).toBe(false);
		expect(form['devices.extra_fields']).toEqual([]);
	});

	test('Values that do not fit the catalogue fall back to granting nothing', () => {
		const form = toGroupForm({
			'tickets.view': 'everything',
			'kb.view': 'yes',
			'devices.extra_fields': ['admin_password'],
		});
		expect(form['tickets.view']).toBe('none');
		expect(form['kb.view']).toBe(false);
		expect(form['devices.extra_fields']).toEqual([]);
	});

	test('Dependent options are disabled while what they require grants nothing', () => {
		const form = toGroupForm(basic.permissions);
		const disabled = disabledCapabilities(form);
		// Basic sees no projects: every project option is off; it sees tickets, so ticket options are on.
		for (const key of ['projects.schedule', 'projects.notes', 'projects.charges', 'projects.estimated_hours'])
			expect(disabled.has(key)).toBe(true);
		for (const key of [
			'tickets.edit',
			'tickets.reply',
			'tickets.set_priority',
			'devices.scope',
			'devices.extra_fields',
		])
			expect(disabled.has(key)).toBe(false);
		form['tickets.view'] = 'none';
		form['tickets.create'] = false;
		form['devices.access'] = 'none';
		const after = disabledCapabilities(form);
		for (const key of [
			'tickets.edit',
			'tickets.reply',
			'tickets.view_priority',
			'tickets.attachments',
			'tickets.set_priority',
			'devices.scope',
			'devices.extra_fields',
		])
			expect(after.has(key)).toBe(true);
		expect(after.has('tickets.create')).toBe(false);
	});

	test('A requirement switched off by its own requirement disables transitively', () => {
		const chain: Capability[] = [
			{ key: 'a', area: 'tickets', kind: 'flag', label: 'A', description: '' },
			{ key: 'b', area: 'tickets', kind: 'flag', label: 'B', description: '', requires: 'a' },
			{ key: 'c', area: 'tickets', kind: 'flag', label: 'C', description: '', requires: 'b' },
		];
		expect([...disabledCapabilities({ a: false, b: true, c: true }, chain)]).toEqual(['b', 'c']);
	});

	test('Editing tickets wider than seeing them is not offered', () => {
		const form = toGroupForm({ 'tickets.view': 'customer' });
		const edit = findCapability('tickets.edit')!;
		expect([...disabledChoices(form, edit)]).toEqual(['customer_tree']);
		expect(disabledChoices(form, findCapability('tickets.view')!).size).toBe(0);
	});

	test('What is saved is what the server stores: dependents cleared, edit clamped', () => {
		const form = toGroupForm({
			'tickets.view': 'own',
			'tickets.edit': 'customer_tree',
			'projects.notes': true,
			'devices.scope': 'all',
		});
		const saved = formToPermissions(form);
		expect(saved['tickets.edit']).toBe('own');
		expect(saved['projects.notes']).toBe(false);
		expect(saved['devices.scope']).toBe('none');
	});

	test('A copy is named "Copy of …", numbered when taken', () => {
		expect(copyName('Basic', ['Basic'])).toBe('Copy of Basic');
		expect(copyName('Basic', ['Basic', 'Copy of Basic', 'Copy of Basic (2)'])).toBe('Copy of Basic (3)');
	});
});
