/**
 * The forms: errors in words under the field they belong to (aria-describedby, aria-invalid), and a
 * submit button that is disabled while the request is on its way, so a double click sends once.
 */
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { afterEach, describe, expect, test, vi } from 'vitest';
import ReplyForm from '../../extensions/portal-app/src/components/ReplyForm.vue';
import AcceptInvitationPage from '../../extensions/portal-app/src/pages/AcceptInvitationPage.vue';
import SignInPage from '../../extensions/portal-app/src/pages/SignInPage.vue';

const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function routerAt(path: string) {
	const router = createRouter({
		history: createMemoryHistory(),
		routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }],
	});
	return router.push(path).then(() => router);
}

afterEach(() => {
	vi.unstubAllGlobals();
	document.body.innerHTML = '';
});

describe('Sign in', () => {
	test('Empty fields get messages tied to them and nothing is sent', async () => {
		const fetch = vi.fn();
		vi.stubGlobal('fetch', fetch);
		const page = mount(SignInPage, { global: { plugins: [await routerAt('/sign-in')] }, attachTo: document.body });
		await page.find('form').trigger('submit');
		const email = page.find('#field-email');
		expect(email.attributes('aria-invalid')).toBe('true');
		expect(email.attributes('aria-describedby')).toBe('field-email-error');
		expect(page.find('#field-email-error').text()).toBe('This field is required.');
		expect(page.find('#field-password-error').text()).toBe('This field is required.');
		expect(document.activeElement?.id).toBe('field-email');
		expect(fetch).not.toHaveBeenCalled();

		await email.setValue('not-an-address');
		await page.find('form').trigger('submit');
		expect(page.find('#field-email-error').text()).toBe('Enter an e-mail address such as name@company.com.');
	});

	test('Shows Directus\u2019s refusal in words and disables the button while signing in', async () => {
		let answer: (response: Response) => void = () => undefined;
		const fetch = vi.fn((url: string) =>
			String(url).endsWith('/auth/login')
				? new Promise<Response>((done) => (answer = done))
				: Promise.resolve(json(400, { errors: [{ message: 'no session' }] })),
		);
		vi.stubGlobal('fetch', fetch);
		const page = mount(SignInPage, { global: { plugins: [await routerAt('/sign-in')] }, attachTo: document.body });
		await page.find('#field-email').setValue('someone@example.com');
		await page.find('#field-password').setValue('wrong-password');
		await page.find('form').trigger('submit');
		await flushPromises();
		const button = page.find('button[type="submit"]');
		expect(button.attributes('disabled')).toBeDefined();
		expect(button.text()).toBe('Signing in…');
		await page.find('form').trigger('submit');
		expect(fetch.mock.calls.filter(([url]) => String(url).endsWith('/auth/login'))).toHaveLength(1);

		answer(
			json(401, { errors: [{ message: 'Invalid user credentials.', extensions: { code: 'INVALID_CREDENTIALS' } }] }),
		);
		await flushPromises();
		expect(page.find('[role="alert"]').text()).toContain('That e-mail address and password did not work.');
		expect(page.find('[role="alert"]').text()).toContain('No Portal Access');
		expect(page.find('button[type="submit"]').attributes('disabled')).toBeUndefined();
	});
});

describe('Accept invitation', () => {
	test('Shows who is invited, and checks the password and its confirmation before sending', async () => {
		const fetch = vi.fn((url: string) =>
			Promise.resolve(
				String(url).includes('/invitations/lookup')
					? json(200, {
							data: {
								valid: true,
								state: 'pending',
								email: 'ivy@client.example.com',
								first_name: 'Ivy',
								last_name: 'Invitee',
								customer: 'Client Ltd',
								expires_at: '2030-01-01T00:00:00.000Z',
							},
						})
					: json(400, { errors: [{ message: 'no session' }] }),
			),
		);
		vi.stubGlobal('fetch', fetch);
		const page = mount(AcceptInvitationPage, {
			global: { plugins: [await routerAt('/accept-invitation?token=abc')] },
			attachTo: document.body,
		});
		await flushPromises();
		expect(page.text()).toContain('Ivy Invitee, you are invited to the portal for Client Ltd.');
		expect(page.find('[data-testid="invited-email"]').text()).toBe('ivy@client.example.com');

		await page.find('#field-password').setValue('short');
		await page.find('#field-confirm').setValue('different');
		await page.find('form').trigger('submit');
		expect(page.find('#field-password-error').text()).toBe('The password needs at least 8 characters.');
		expect(page.find('#field-password').attributes('aria-describedby')).toBe(
			'field-password-hint field-password-error',
		);
		expect(page.find('#field-confirm-error').text()).toBe('The two passwords are not the same.');
		expect(fetch.mock.calls.some(([url]) => String(url).includes('/invitations/accept'))).toBe(false);
	});

	test('An expired link says so in words', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(() =>
				Promise.resolve(
					json(200, {
						data: {
							valid: false,
							state: 'expired',
							message: 'This invitation link has expired. Ask for a new invitation.',
						},
					}),
				),
			),
		);
		const page = mount(AcceptInvitationPage, { global: { plugins: [await routerAt('/accept-invitation?token=old')] } });
		await flushPromises();
		expect(page.find('[role="alert"]').text()).toBe('This invitation link has expired. Ask for a new invitation.');
		expect(page.find('form').exists()).toBe(false);
	});
});

describe('Reply', () => {
	test('An empty reply is refused at the field; a sent one clears the form', async () => {
		const fetch = vi.fn((url: string) =>
			Promise.resolve(
				String(url).includes('/items/ticket_comments')
					? json(200, { data: { id: 1 } })
					: json(400, { errors: [{ message: 'no session' }] }),
			),
		);
		vi.stubGlobal('fetch', fetch);
		const form = mount(ReplyForm, { props: { ticket: 7 }, attachTo: document.body });
		await form.find('form').trigger('submit');
		expect(form.find('#field-reply-error').text()).toBe('This field is required.');
		await form.find('#field-reply').setValue('Thanks, that fixed it.');
		await form.find('form').trigger('submit');
		await flushPromises();
		const sent = fetch.mock.calls.find(([url]) => String(url).includes('/items/ticket_comments')) as unknown as
			[string, RequestInit] | undefined;
		expect(JSON.parse(String(sent?.[1].body))).toEqual({ ticket: 7, body: 'Thanks, that fixed it.' });
		expect((form.find('#field-reply').element as HTMLTextAreaElement).value).toBe('');
		expect(form.text()).toContain('Your reply was added.');
		expect(form.emitted('sent')).toHaveLength(1);
	});
});

describe('Viewing the portal as a contact (staff, read-only)', () => {
	afterEach(() => window.sessionStorage.clear());

	// The fieldset disables what it holds (happy-dom does not apply that to `:disabled`; the browser test sees it).
	const writes = (form: ReturnType<typeof mount>) => form.find('fieldset.writes');

	test('A form\u2019s fields and its button sit in a disabled fieldset from the start; without View as it is enabled', async () => {
		const enabled = mount(ReplyForm, { props: { ticket: 7 }, attachTo: document.body });
		expect(writes(enabled).attributes('disabled')).toBeUndefined();
		enabled.unmount();

		window.sessionStorage.setItem('customer-portal.view-as', 'a-ticket');
		const viewed = mount(ReplyForm, { props: { ticket: 7 }, attachTo: document.body });
		expect(writes(viewed).attributes('disabled')).toBeDefined();
		expect(writes(viewed).find('#field-reply').exists()).toBe(true);
		expect(writes(viewed).find('button[type="submit"]').exists()).toBe(true);
	});
});
