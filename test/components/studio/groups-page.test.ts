/** The groups page's row actions: a refused delete says why, and the page stays usable. */
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import GroupsPage from '../../../extensions/module/customer-portal/routes/groups-page.vue';
import { studioComponents, studioDirectives } from './studio-stubs.ts';

const api = vi.hoisted(() => ({ get: vi.fn(), post: vi.fn(), patch: vi.fn(), delete: vi.fn() }));
vi.mock('@directus/extensions-sdk', () => ({
	useApi: () => api,
	useStores: () => ({ useUserStore: () => ({ isAdmin: true }) }),
}));

const answers: Record<string, unknown> = {
	'/server/info': { version: '11.17.4' },
	'/items/portal_groups': [
		{ id: 9, name: 'Field staff', description: null, is_system: false, assignable_by_client: false, permissions: {} },
	],
	'/items/contacts': [{ portal_group: 9, count: { id: '1' } }],
	'/items/portal_settings': { default_group: null },
};
const refusal = (message: string) =>
	Object.assign(new Error('Request failed with status code 400'), { response: { data: { errors: [{ message }] } } });

beforeEach(() => {
	vi.resetAllMocks();
	api.get.mockImplementation((path: string) =>
		path in answers
			? Promise.resolve({ data: { data: answers[path] } })
			: Promise.reject(new Error(`Unexpected GET ${path}`)),
	);
});

describe('The groups page', () => {
	test('A group in use is not deleted: the server\u2019s words are shown and the group stays listed', async () => {
		api.delete.mockRejectedValueOnce(refusal('The group "Field staff" cannot be deleted: 1 contact uses it.'));
		const router = createRouter({
			history: createMemoryHistory(),
			routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }],
		});
		await router.push('/');
		const page = mount(GroupsPage, {
			global: { plugins: [router], components: studioComponents, directives: studioDirectives },
		});
		await flushPromises();
		await page.find('.delete-group').trigger('click');
		await page.find('.confirm-delete').trigger('click');
		await flushPromises();
		expect(api.delete).toHaveBeenCalledWith('/items/portal_groups/9');
		expect(page.find('.action-error').text()).toBe('The group "Field staff" cannot be deleted: 1 contact uses it.');
		expect(page.find('.group-name').text()).toBe('Field staff');
		expect(page.find('.v-dialog').exists()).toBe(false);
	});
});
