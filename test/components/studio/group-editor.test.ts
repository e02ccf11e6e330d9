/** The group editor in the detail-page frame: loading, a load that fails, its save button, and unsaved changes. */
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter, type Router, RouterView } from 'vue-router';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import GroupEditor from '../../../extensions/module/customer-portal/routes/group-editor.vue';
import { studioComponents, studioDirectives, VTypedInput } from './studio-stubs.ts';

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
	if (path === '/items/portal_groups')
		return Promise.resolve({ data: { data: [{ name: 'Field staff' }, { name: 'Copy of Field staff' }] } });
	if (path === '/items/portal_groups/5') return Promise.resolve({ data: { data: group } });
	return Promise.reject(new Error(`Unexpected GET ${path}`));
}

let router: Router;

// Each editor listens on the window: unmount it after its test.
enableAutoUnmount(afterEach);

/** The editor under a router view, as in the studio: leaving it runs the route guards. */
function openEditor() {
	return mount(RouterView, {
		attachTo: document.body,
		global: {
			plugins: [router],
			components: { ...studioComponents, VInput: VTypedInput },
			directives: studioDirectives,
		},
	});
}

const saveButton = (editor: ReturnType<typeof openEditor>) => editor.find('.save-group');

beforeEach(async () => {
	vi.resetAllMocks();
	api.get.mockImplementation(answer);
	router = createRouter({
		history: createMemoryHistory(),
		routes: [
			{ path: '/groups/:id', name: 'customer-portal-group', component: GroupEditor, props: true },
			{ path: '/elsewhere', component: { template: '<div class="elsewhere" />' } },
		],
	});
	await router.push('/groups/5');
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

	describe('With unsaved changes', () => {
		test('Leaving asks first: Keep editing stays, Discard changes leaves', async () => {
			const view = openEditor();
			await flushPromises();
			await router.push('/elsewhere');
			expect(router.currentRoute.value.path).toBe('/elsewhere');

			await router.push('/groups/5');
			await flushPromises();
			await view.find('.group-name-input').setValue('Field staff, renamed');
			await router.push('/elsewhere');
			await flushPromises();
			expect(router.currentRoute.value.path).toBe('/groups/5');
			expect(view.find('.unsaved-changes-dialog').text()).toContain('Unsaved changes');
			await view.find('.keep-editing').trigger('click');
			expect(view.find('.unsaved-changes-dialog').exists()).toBe(false);
			expect(view.find<HTMLInputElement>('.group-name-input').element.value).toBe('Field staff, renamed');

			await router.push('/elsewhere');
			await flushPromises();
			await view.find('.discard-changes').trigger('click');
			await flushPromises();
			expect(router.currentRoute.value.path).toBe('/elsewhere');
			expect(api.patch).not.toHaveBeenCalled();
		});

		test('Closing the tab asks while there are changes, and not once they are saved', async () => {
			api.patch.mockResolvedValue({ data: { data: group } });
			const view = openEditor();
			await flushPromises();
			const unload = () => {
				const event = new Event('beforeunload', { cancelable: true });
				window.dispatchEvent(event);
				return event.defaultPrevented;
			};
			expect(unload()).toBe(false);
			await view.find('.group-name-input').setValue('Field staff, renamed');
			expect(unload()).toBe(true);
			await view.find('.save-group').trigger('click');
			await flushPromises();
			expect(unload()).toBe(false);
		});
	});

	describe('Make copy', () => {
		test('Opens an unsaved copy of what the editor shows; nothing is created until it is saved', async () => {
			api.post.mockResolvedValue({ data: { data: { id: 9 } } });
			const view = openEditor();
			await flushPromises();
			await view.find('.group-name-input').setValue('Field staff, renamed');
			await view.find('.make-copy').trigger('click');
			await flushPromises();
			expect(router.currentRoute.value.fullPath).toBe('/groups/new?from=5');
			expect(view.find('.unsaved-changes-dialog').exists()).toBe(false);
			expect(view.find<HTMLInputElement>('.group-name-input').element.value).toBe('Copy of Field staff, renamed');
			expect(view.find('.unsaved-copy-notice').exists()).toBe(true);
			expect(api.post).not.toHaveBeenCalled();

			// Leaving the copy unsaved asks first.
			await router.push('/elsewhere');
			await flushPromises();
			expect(view.find('.unsaved-changes-dialog').exists()).toBe(true);
			await view.find('.keep-editing').trigger('click');

			await view.find('.save-group').trigger('click');
			await flushPromises();
			expect(api.post).toHaveBeenCalledWith(
				'/items/portal_groups',
				expect.objectContaining({ name: 'Copy of Field staff, renamed', permissions: expect.any(Object) }),
			);
			expect(api.patch).not.toHaveBeenCalled();
			expect(router.currentRoute.value.fullPath).toBe('/groups/9');
			expect(view.find('.saved-notice').exists()).toBe(true);
			expect(view.find('.unsaved-copy-notice').exists()).toBe(false);
			await router.push('/elsewhere');
			expect(router.currentRoute.value.path).toBe('/elsewhere');
		});

		test('A copy opened by its address is named after the stored group, with a free name', async () => {
			await router.push('/groups/new?from=5');
			const view = openEditor();
			await flushPromises();
			expect(view.find<HTMLInputElement>('.group-name-input').element.value).toBe('Copy of Field staff (2)');
			expect(view.find('h1').text()).toBe('Copy of Field staff (2)');
		});
	});
});
