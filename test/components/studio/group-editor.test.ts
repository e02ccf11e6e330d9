/** The group editor in the detail-page frame: loading, a load that fails, and its save button. */
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import GroupEditor from '../../../extensions/module/customer-portal/routes/group-editor.vue';
import { studioComponents, studioDirectives } from './studio-stubs.ts';

const api = vi.hoisted(() => ({ get: vi.fn(), post: vi.fn(), patch: vi.fn(), delete: vi.fn() }));
vi.mock('@directus/extensions-sdk', () => ({
	useApi: () => api,
	useStores: () => ({ useUserStore: () => ({ isAdmin: true }) }),
}));

const group = {
	id: 5,
	name: 'Field staff',
	description: null,
	assignable_by_client: false,
	is_system: false,
	permissions: { 'tickets.view': 'own' },
};
const refusal = (message: string) =>
	Object.assign(new Error('Request failed with status code 400'), { response: { data: { errors: [{ message }] } } });

function answer(path: string) {
	if (path === '/server/info') return Promise.resolve({ data: { data: { version: '11.17.4' } } });
	if (path === '/items/portal_groups/5') return Promise.resolve({ data: { data: group } });
	return Promise.reject(new Error(`Unexpected GET ${path}`));
}

let router: Router;

function openEditor() {
	return mount(GroupEditor, {
		props: { id: '5' },
		global: { plugins: [router], components: studioComponents, directives: studioDirectives },
	});
}

const saveButton = (editor: ReturnType<typeof openEditor>) => editor.find('.save-group');

beforeEach(async () => {
	vi.resetAllMocks();
	api.get.mockImplementation(answer);
	router = createRouter({
		history: createMemoryHistory(),
		routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }],
	});
	await router.push('/');
});

describe('The group editor', () => {
	test('Shows a spinner while the group loads, then the group', async () => {
		const editor = openEditor();
		expect(editor.find('.v-progress-circular').exists()).toBe(true);
		expect(editor.find('.group-fields').exists()).toBe(false);
		await flushPromises();
		expect(editor.find('.v-progress-circular').exists()).toBe(false);
		expect(editor.find('h1').text()).toBe('Field staff');
		expect(editor.find('.group-fields').exists()).toBe(true);
	});

	test('A group that cannot be read says why, and shows no form', async () => {
		api.get.mockImplementation((path: string) =>
			path === '/items/portal_groups/5'
				? Promise.reject(refusal('You don\u2019t have permission to access this.'))
				: answer(path),
		);
		const editor = openEditor();
		await flushPromises();
		expect(editor.find('.load-error').text()).toBe('You don\u2019t have permission to access this.');
		expect(editor.find('.group-fields').exists()).toBe(false);
		expect(editor.find('.v-progress-circular').exists()).toBe(false);
	});

	test('A save that fails shows why and leaves the button usable; saving again works', async () => {
		api.patch
			.mockRejectedValueOnce(refusal('A group with this name exists already.'))
			.mockResolvedValueOnce({ data: { data: group } });
		const editor = openEditor();
		await flushPromises();
		await saveButton(editor).trigger('click');
		await flushPromises();
		expect(editor.find('.save-error').text()).toBe('A group with this name exists already.');
		expect(saveButton(editor).attributes('disabled')).toBeUndefined();
		expect(saveButton(editor).attributes('data-loading')).toBe('false');
		await saveButton(editor).trigger('click');
		await flushPromises();
		expect(api.patch).toHaveBeenCalledTimes(2);
		expect(editor.find('.save-error').exists()).toBe(false);
		expect(editor.find('.saved-notice').exists()).toBe(true);
	});

	test('A double click saves once', async () => {
		let finish!: () => void;
		api.patch.mockImplementation(() => new Promise((resolve) => (finish = () => resolve({ data: { data: group } }))));
		const editor = openEditor();
		await flushPromises();
		await saveButton(editor).trigger('click');
		expect(saveButton(editor).attributes('data-loading')).toBe('true');
		await saveButton(editor).trigger('click');
		finish();
		await flushPromises();
		expect(api.patch).toHaveBeenCalledTimes(1);
		expect(api.patch).toHaveBeenCalledWith(
			'/items/portal_groups/5',
			expect.objectContaining({ name: 'Field staff', description: null }),
		);
		expect(editor.find('.saved-notice').exists()).toBe(true);
	});
});
