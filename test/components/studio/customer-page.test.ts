/** The customer page's actions: why one failed stays in view after the page is read again, and a double click acts once. */
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import CustomerPage from '../../../extensions/module/customer-portal/routes/customer-page.vue';
import { studioComponents, studioDirectives } from './studio-stubs.ts';

const api = vi.hoisted(() => ({ get: vi.fn(), post: vi.fn(), patch: vi.fn(), delete: vi.fn() }));
vi.mock('@directus/extensions-sdk', () => ({
	useApi: () => api,
	useStores: () => ({ useUserStore: () => ({ isAdmin: true }) }),
}));

const contact = {
	id: 11,
	first_name: 'Vera',
	last_name: 'Lang',
	email: 'vera@acme.test',
	status: 'active',
	user: null,
	portal_group: null,
	login_suspended: false,
};
const answers: Record<string, unknown> = {
	'/server/info': { version: '11.17.4' },
	'/items/customers/3': { id: 3, name: 'Acme', visible_to_parent: true, email_domains: null },
	'/items/contacts': [contact],
	'/items/portal_invitations': [],
	'/items/portal_groups': [{ id: 1, name: 'Basic' }],
};
const refusal = (message: string) =>
	Object.assign(new Error('Request failed with status code 400'), { response: { data: { errors: [{ message }] } } });

let router: Router;

function openPage() {
	return mount(CustomerPage, {
		props: { id: '3' },
		global: { plugins: [router], components: studioComponents, directives: studioDirectives },
	});
}

beforeEach(async () => {
	vi.resetAllMocks();
	answers['/items/contacts'] = [contact];
	api.get.mockImplementation((path: string) =>
		path in answers
			? Promise.resolve({ data: { data: answers[path] } })
			: Promise.reject(new Error(`Unexpected GET ${path}`)),
	);
	router = createRouter({
		history: createMemoryHistory(),
		routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }],
	});
	await router.push('/');
});

describe('The customer page', () => {
	test('Shows the customer with a way back to the customers', async () => {
		const page = openPage();
		await flushPromises();
		expect(page.find('h1').text()).toBe('Acme');
		expect(page.find('.v-breadcrumb').exists()).toBe(true);
		expect(page.find('.header-icon').exists()).toBe(true);
		expect(page.find('.enable-login').exists()).toBe(true);
		expect(page.find('.customer-details').exists()).toBe(true);
	});

	test('An invitation that fails says why after the page is read again, and the button stays usable', async () => {
		api.post
			.mockRejectedValueOnce(refusal('This contact has no e-mail address.'))
			.mockResolvedValueOnce({ data: { data: {} } });
		const page = openPage();
		await flushPromises();
		await page.find('.enable-login').trigger('click');
		await flushPromises();
		expect(page.find('.action-error').text()).toBe('This contact has no e-mail address.');
		expect(api.get.mock.calls.filter(([path]) => path === '/items/customers/3')).toHaveLength(2);
		expect(page.find('.enable-login').attributes('disabled')).toBeUndefined();
		await page.find('.enable-login').trigger('click');
		await flushPromises();
		expect(page.find('.action-error').exists()).toBe(false);
		expect(page.find('.action-message').text()).toBe('Invitation sent to vera@acme.test.');
	});

	test('"Invite everyone" says how many it invites and asks first; Cancel sends nothing', async () => {
		answers['/items/contacts'] = [
			contact,
			{ ...contact, id: 12, email: 'ina@acme.test', user: { status: 'active' } },
			{ ...contact, id: 13, email: 'otto@acme.test', status: 'archived' },
		];
		const page = openPage();
		await flushPromises();
		expect(page.find('.invite-all').text()).toBe('Invite everyone without a login (1)');
		await page.find('.invite-all').trigger('click');
		expect(page.find('.v-dialog').text()).toContain('Invite 1 contact of Acme?');
		expect(page.find('.v-dialog').text()).toContain('vera@acme.test.');
		await page.find('.v-dialog button').trigger('click');
		expect(page.find('.v-dialog').exists()).toBe(false);
		expect(api.post).not.toHaveBeenCalled();
	});

	test('"Invite everyone" is disabled when everyone has a login', async () => {
		answers['/items/contacts'] = [{ ...contact, user: { status: 'active' } }];
		const page = openPage();
		await flushPromises();
		expect(page.find('.invite-all').attributes('disabled')).toBeDefined();
		expect(page.find('.invite-all').text()).toBe('Invite everyone without a login (0)');
	});

	test('A double click on "Send invitations" invites once', async () => {
		let finish!: () => void;
		api.post.mockImplementation(() => new Promise((resolve) => (finish = () => resolve({ data: { data: [{}] } }))));
		const page = openPage();
		await flushPromises();
		await page.find('.invite-all').trigger('click');
		await page.find('.confirm-invite-all').trigger('click');
		await page.find('.invite-all').trigger('click');
		await page.find('.confirm-invite-all').trigger('click');
		finish();
		await flushPromises();
		expect(api.post).toHaveBeenCalledTimes(1);
		expect(page.find('.action-message').text()).toBe('1 invited.');
	});
});
