/** The menu comes from the contact's capabilities: a page the group does not open is not offered. */
import { mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { describe, expect, test } from 'vitest';
import MainMenu from '../../extensions/portal-app/src/components/MainMenu.vue';
import { mayOpen, menuFor } from '../../extensions/portal-app/src/lib/navigation.ts';
import type { Capabilities } from '../../extensions/portal-app/src/lib/portal-types.ts';
import { ticketTabFilter, ticketTabs } from '../../extensions/portal-app/src/lib/ticket-scopes.ts';
import { normalizeGroupPermissions } from '../../src/groups/normalize-group-permissions.ts';
import { systemGroups } from '../../src/groups/system-groups.ts';

const capabilitiesOf = (name: string): Capabilities =>
	normalizeGroupPermissions(systemGroups.find((group) => group.name === name)?.permissions ?? {}) as Capabilities;

async function renderMenu(capabilities: Capabilities) {
	const router = createRouter({
		history: createMemoryHistory(),
		routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }],
	});
	await router.push('/');
	return mount(MainMenu, { props: { capabilities }, global: { plugins: [router] } });
}

describe('The menu', () => {
	test('Basic: own tickets, devices, knowledge, profile; no projects, money or team', async () => {
		const menu = await renderMenu(capabilitiesOf('Basic'));
		expect(menu.findAll('a').map((link) => link.text())).toEqual([
			'Dashboard',
			'Tickets',
			'Devices',
			'Knowledge base',
			'Documentation',
			'Profile',
		]);
	});

	test('Administrator: everything, including Team', async () => {
		const menu = await renderMenu(capabilitiesOf('Administrator'));
		expect(menu.findAll('a').map((link) => link.attributes('data-page'))).toEqual([
			'dashboard',
			'tickets',
			'projects',
			'devices',
			'knowledge-base',
			'documentation',
			'invoices',
			'quotes',
			'team',
			'profile',
		]);
	});

	test('A group that grants nothing keeps only the dashboard and profile', () => {
		expect(menuFor(capabilitiesOf('No Portal Access')).map((entry) => entry.page)).toEqual(['dashboard', 'profile']);
	});

	test('Devices need both access and a scope; new tickets need tickets.create', () => {
		const base = capabilitiesOf('Basic');
		expect(mayOpen('devices', { ...base, 'devices.scope': 'none' })).toBe(false);
		expect(mayOpen('new-ticket', { ...base, 'tickets.create': false })).toBe(false);
		expect(mayOpen('quotes', { ...base, 'quotes.decide': true })).toBe(true);
	});

	test('Ticket tabs follow the ticket scope, and sub-companies only with parent visibility', () => {
		expect(ticketTabs('own', true).map((tab) => tab.key)).toEqual(['mine']);
		expect(ticketTabs('customer', true).map((tab) => tab.key)).toEqual(['mine', 'company']);
		expect(ticketTabs('customer_tree', true).map((tab) => tab.key)).toEqual(['mine', 'company', 'tree']);
		expect(ticketTabs('customer_tree', false).map((tab) => tab.key)).toEqual(['mine', 'company']);
		expect(ticketTabs('none', true)).toEqual([]);
	});

	test('“My tickets” adds no filter where the rule already is “own”, and requester or participant elsewhere', () => {
		const me = { contact: 7, customer: 3 };
		expect(ticketTabFilter('mine', me, 'own')).toBeNull();
		expect(ticketTabFilter('mine', me, 'customer')).toEqual({
			_or: [{ contact: { _eq: 7 } }, { participants: { _some: { contact: { _eq: 7 } } } }],
		});
		expect(ticketTabFilter('company', me, 'customer_tree')).toEqual({ customer: { _eq: 3 } });
		expect(ticketTabFilter('tree', me, 'customer_tree')).toBeNull();
	});
});
