/** The Data map page: the map shown with the fields each role may take, a check's problems next to the roles, the preview, and admins only. */
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { defineComponent, h, type PropType } from 'vue';
import ModuleNavigation from '../../../extensions/module/customer-portal/components/module-navigation.vue';
import type { DataMapOverview } from '../../../extensions/module/customer-portal/composables/use-data-map.ts';
import DataMapPage from '../../../extensions/module/customer-portal/routes/data-map-page.vue';
import type { DataMap } from '../../../src/data-map/data-map.ts';
import { objectNames, objectSpecs } from '../../../src/data-map/object-specs.ts';
import { validateDataMap } from '../../../src/data-map/validate-data-map.ts';
import { secondSchemaFacts } from '../../support/second-schema/second-schema-facts.ts';
import { secondSchemaMap } from '../../support/second-schema/second-schema-map.ts';
import { studioComponents, studioDirectives, VTypedInput } from './studio-stubs.ts';

const api = vi.hoisted(() => ({ get: vi.fn(), post: vi.fn(), put: vi.fn(), patch: vi.fn(), delete: vi.fn() }));
const user = vi.hoisted(() => ({ isAdmin: true }));
vi.mock('@directus/extensions-sdk', () => ({
	useApi: () => api,
	useStores: () => ({ useUserStore: () => user }),
}));

/** Directus's select as a native one: its items as options, a choice emitted as the item's value. */
const VSelect = defineComponent({
	props: {
		items: { type: Array as PropType<{ text: string; value: unknown }[]>, required: true },
		modelValue: { type: null, default: null },
		disabled: Boolean,
	},
	emits: ['update:modelValue'],
	setup:
		(props, { emit }) =>
		() =>
			h(
				'select',
				{
					class: 'v-select',
					disabled: props.disabled,
					onChange: (event: Event) =>
						emit('update:modelValue', props.items[Number((event.target as HTMLSelectElement).value)]?.value),
				},
				props.items.map((item, index) =>
					h('option', { value: String(index), selected: item.value === props.modelValue }, item.text),
				),
			),
});

const objects = objectNames.map((name) => ({ name, ...objectSpecs[name] }));
const overview = (): DataMapOverview => ({
	map: secondSchemaMap(),
	stored: true,
	problems: [],
	additions: [],
	indexes: [],
	objects,
	schema: secondSchemaFacts(),
	productCollections: ['portal_groups', 'customer_tree', 'portal_case_followers'],
});
const administrator = {
	id: 1,
	name: 'Administrator',
	is_system: true,
	permissions: { 'tickets.view': 'customer_tree' },
};
const groups = [administrator, { id: 7, name: 'Field staff', is_system: false, permissions: { 'kb.view': true } }];
/** The server's refusal of a map, as Directus sends it. */
const refusalOf = (map: DataMap) =>
	Object.assign(new Error('Request failed with status code 400'), {
		response: {
			data: {
				errors: [
					{
						message: 'The data map is not valid',
						extensions: { code: 'INVALID_DATA_MAP', problems: validateDataMap(map, secondSchemaFacts()).problems },
					},
				],
			},
		},
	});

let router: Router;

beforeEach(async () => {
	vi.resetAllMocks();
	user.isAdmin = true;
	api.get.mockImplementation((path: string) => {
		if (path === '/portal/api/studio/data-map') return Promise.resolve({ data: { data: overview() } });
		if (path === '/items/portal_groups') return Promise.resolve({ data: { data: groups } });
		if (path === '/server/info') return Promise.resolve({ data: { data: { version: '11.17.4' } } });
		return Promise.reject(new Error(`Unexpected GET ${path}`));
	});
	router = createRouter({
		history: createMemoryHistory(),
		routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }],
	});
	await router.push('/');
});

async function openPage() {
	const page = mount(DataMapPage, {
		global: {
			plugins: [router],
			components: { ...studioComponents, VSelect, VInput: VTypedInput },
			directives: studioDirectives,
		},
	});
	await flushPromises();
	return page;
}

const role = (page: Awaited<ReturnType<typeof openPage>>, place: string) => page.find(`[data-role="${place}"]`);
const optionsOf = (page: Awaited<ReturnType<typeof openPage>>, place: string) =>
	role(page, place)
		.findAll('option')
		.map((option) => option.text());

describe('The data map page', () => {
	test('Shows the stored map, that it fits, and offers each role only the fields that fit it', async () => {
		const page = await openPage();
		expect(page.find('.runs-on').text()).toContain('stored');
		expect(page.find('.map-fits').exists()).toBe(true);
		expect(optionsOf(page, 'contacts.customer')).toEqual(['billing_org', 'org']);
		expect(optionsOf(page, 'contacts.first_name')).not.toContain('pin');
		expect(optionsOf(page, 'contacts.first_name')[0]).toBe('Not used');
		expect(role(page, 'customers.badge').find('.product-field').text()).toBe('portal_badge');
		expect(role(page, 'customers.badge').find('select').exists()).toBe(false);
		expect(page.find('[data-object="locations"] .roles').exists()).toBe(false);
		expect(page.findAll('.section-title').map((title) => title.text())).toEqual([
			'Customers & contacts',
			'Tickets',
			'Projects',
			'Devices',
			'Knowledge',
			'Financials',
		]);
	});

	test('A check of a map that does not fit shows each problem next to the role it names, and in a list', async () => {
		const edited = secondSchemaMap();
		(edited.tickets as NonNullable<DataMap['tickets']>).fields.customer = 'opened_by';
		api.post.mockRejectedValueOnce(refusalOf(edited));
		const page = await openPage();
		await role(page, 'tickets.customer').find('input').setValue('opened_by');
		await page.find('.check-map').trigger('click');
		await flushPromises();

		expect(api.post).toHaveBeenCalledWith('/portal/api/studio/data-map/check', {
			map: edited,
			permissions: administrator.permissions,
		});
		const problem = role(page, 'tickets.customer').find('.role-problems');
		expect(problem.text()).toContain('the customer path opened_by ends at people, not at organizations.');
		expect(problem.findAll('code').map((code) => code.text())).toEqual(['opened_by', 'people', 'organizations']);
		expect(role(page, 'tickets.subject').find('.role-problems').exists()).toBe(false);
		expect(page.find('.check-problems [data-place="tickets.customer"]').text()).toContain('opened_by');
		expect(page.find('.check-error').exists()).toBe(false);
		expect(page.find('.preview-table').exists()).toBe(false);
	});

	test('A check that fits shows the group’s preview, its rules folded; a change after it says the check is old', async () => {
		api.post.mockResolvedValueOnce({
			data: {
				data: {
					map: secondSchemaMap(),
					additions: [
						{ object: 'customers', role: 'tree_path', collection: 'organizations', field: 'portal_tree_path' },
					],
					indexes: [],
					preview: [
						{
							collection: 'cases',
							action: 'read',
							fields: ['id', 'title'],
							permissions: { account: { _eq: 1 } },
							validation: null,
							capabilities: ['tickets.view'],
						},
					],
				},
			},
		});
		const page = await openPage();
		await page.find('.group-select').setValue('1');
		await page.find('.check-map').trigger('click');
		await flushPromises();

		expect(api.post).toHaveBeenCalledWith('/portal/api/studio/data-map/check', {
			map: secondSchemaMap(),
			permissions: { 'kb.view': true },
		});
		expect(page.find('.check-fits').text()).toContain('Field staff would get 1 permission rows');
		expect(page.find('.check-additions').text()).toContain('organizations.portal_tree_path');
		expect(page.find('.check-indexes').exists()).toBe(false);
		const row = page.find('.preview-row[data-collection="cases"]');
		expect(row.text()).toContain('id, title');
		expect(row.find('details').attributes('open')).toBeUndefined();
		expect(row.find('pre').text()).toBe(JSON.stringify({ account: { _eq: 1 } }, null, 2));
		expect(page.find('.changed-since-check').exists()).toBe(false);

		await role(page, 'contacts.customer').find('select').setValue('0');
		await flushPromises();
		expect(page.find('.changed-since-check').exists()).toBe(true);
	});

	test('A map that fits is saved once the admin confirms, naming what the portal adds; a refused save shows why', async () => {
		const additions = [
			{ object: 'customers', role: 'tree_path', collection: 'organizations', field: 'portal_tree_path' },
		];
		const indexes = [
			{ object: 'tickets', role: 'customer', collection: 'cases', column: 'account', name: 'portal_ix_cases_account' },
			{ object: 'contacts', role: 'customer', collection: 'people', column: 'org', name: 'portal_ix_people_org' },
		];
		api.post.mockResolvedValue({ data: { data: { map: secondSchemaMap(), additions, indexes, preview: [] } } });
		api.put.mockResolvedValueOnce({
			data: {
				data: {
					map: secondSchemaMap(),
					stored: true,
					additions,
					users: { adopted: 2, staff: ['lee@staff.example.com'] },
				},
			},
		});
		const page = await openPage();
		expect(page.find('.save-map').exists()).toBe(false);
		await page.find('.check-map').trigger('click');
		await flushPromises();

		await page.find('.save-map').trigger('click');
		expect(page.find('.check-indexes').text()).toContain('portal_ix_cases_account on cases.account');
		expect(page.find('.v-dialog').text()).toContain('adds 1 field of its own');
		expect(page.find('.v-dialog').text()).toContain('It indexes 2 columns of yours');
		expect(api.put).not.toHaveBeenCalled();
		await page.find('.confirm-save').trigger('click');
		await flushPromises();
		expect(api.put).toHaveBeenCalledWith('/portal/api/studio/data-map', { map: secondSchemaMap() });
		expect(page.find('.saved-notice').text()).toContain('2 users your contacts already linked now have the portal');
		expect(page.find('.staff-left').text()).toContain('lee@staff.example.com');
		// The page shows the map the portal now runs on, read again.
		expect(api.get.mock.calls.filter(([path]) => path === '/portal/api/studio/data-map')).toHaveLength(2);

		// The schema changed between the check and the save: the server refuses, and the page says why.
		const misfit = secondSchemaMap();
		misfit.contacts.fields.email = 'nickname';
		api.put.mockRejectedValueOnce(refusalOf(misfit));
		await page.find('.check-map').trigger('click');
		await flushPromises();
		await page.find('.save-map').trigger('click');
		await page.find('.confirm-save').trigger('click');
		await flushPromises();
		expect(page.find('.saved-notice').exists()).toBe(false);
		expect(page.find('.check-problems').text()).toContain('nickname');
	});

	test('Problems of the map the portal runs on show before any check', async () => {
		api.get.mockImplementation((path: string) =>
			path === '/portal/api/studio/data-map'
				? Promise.resolve({
						data: {
							data: {
								...overview(),
								problems: [
									{
										object: 'contacts',
										role: 'email',
										field: 'email',
										message: 'contacts.email: `people` has no field `email`.',
									},
								],
							},
						},
					})
				: Promise.resolve({ data: { data: path === '/items/portal_groups' ? groups : {} } }),
		);
		const page = await openPage();
		expect(page.find('.live-indexes').exists()).toBe(false);
		expect(page.find('.live-problems-notice').exists()).toBe(true);
		expect(page.find('.map-fits').exists()).toBe(false);
		expect(role(page, 'contacts.email').find('.role-problems').text()).toBe('people has no field email.');
	});

	test('Columns the rules filter by without an index are named before any check, with the save that indexes them', async () => {
		api.get.mockImplementation((path: string) =>
			Promise.resolve({
				data: {
					data:
						path === '/portal/api/studio/data-map'
							? {
									...overview(),
									indexes: [
										{
											object: 'tickets',
											role: 'requester',
											collection: 'cases',
											column: 'opened_by',
											name: 'portal_ix_cases_opened_by',
										},
									],
								}
							: path === '/items/portal_groups'
								? groups
								: {},
				},
			}),
		);
		const page = await openPage();
		expect(page.find('.map-fits').exists()).toBe(true);
		expect(page.find('.live-indexes').text()).toContain('Saving the map again adds an index');
		expect(page.find('.live-indexes').text()).toContain('cases.opened_by for tickets.requester');
	});

	test('Not an admin: the page says so and asks nothing; the navigation leaves out the admins’ pages', async () => {
		user.isAdmin = false;
		const page = await openPage();
		expect(page.find('.admins-only').exists()).toBe(true);
		expect(api.get).not.toHaveBeenCalledWith('/portal/api/studio/data-map');
		const offers = (admin: boolean) => {
			user.isAdmin = admin;
			const navigation = mount(ModuleNavigation, { global: { plugins: [router], components: studioComponents } });
			return ['groups', 'data-map', 'uninstall'].filter((name) =>
				navigation.find(`.nav-customer-portal-${name}`).exists(),
			);
		};
		expect(offers(false)).toEqual(['groups']);
		expect(offers(true)).toEqual(['groups', 'data-map', 'uninstall']);
	});
});
