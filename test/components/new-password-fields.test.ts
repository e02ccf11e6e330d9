/**
 * Choosing a new password looks and checks the same on the reset page, the invitation page and the
 * profile's change-password form: one pair of fields, the same rules and messages.
 */
import { mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { afterEach, describe, expect, test, vi } from 'vitest';
import ChangePasswordForm from '../../extensions/portal-app/src/components/ChangePasswordForm.vue';
import NewPasswordFields from '../../extensions/portal-app/src/components/NewPasswordFields.vue';
import ResetPasswordPage from '../../extensions/portal-app/src/pages/ResetPasswordPage.vue';

function routerAt(path: string) {
	const router = createRouter({
		history: createMemoryHistory(),
		routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }],
	});
	return router.push(path).then(() => router);
}

const labelOf = (wrapper: ReturnType<typeof mount>, id: string) =>
	wrapper
		.find(`label[for="${id}"]`)
		.text()
		.replace(/\s*\*$/, '');

afterEach(() => {
	vi.unstubAllGlobals();
	document.body.innerHTML = '';
});

describe('New password fields', () => {
	test('Shows the password with its hint and the repeat, each error tied to its field', () => {
		const fields = mount(NewPasswordFields, {
			props: { password: '', confirm: '', errors: { confirm: 'The two passwords are not the same.' } },
		});
		expect(labelOf(fields, 'field-password')).toBe('Choose a password');
		expect(labelOf(fields, 'field-confirm')).toBe('Repeat the password');
		expect(fields.find('#field-password').attributes()).toMatchObject({
			'type': 'password',
			'name': 'password',
			'autocomplete': 'new-password',
			'aria-describedby': 'field-password-hint',
		});
		expect(fields.find('#field-password-hint').text()).toBe(
			'At least 8 characters; not your e-mail address, nor a password anyone would guess first.',
		);
		expect(fields.find('#field-confirm').attributes('aria-describedby')).toBe('field-confirm-error');
		expect(fields.find('#field-confirm-error').text()).toBe('The two passwords are not the same.');
	});

	test('The reset page checks the length and the repeat before sending anything', async () => {
		const fetch = vi.fn();
		vi.stubGlobal('fetch', fetch);
		const page = mount(ResetPasswordPage, {
			global: { plugins: [await routerAt('/reset-password?token=abc')] },
			attachTo: document.body,
		});
		await page.find('#field-password').setValue('short');
		await page.find('#field-confirm').setValue('different');
		await page.find('form').trigger('submit');
		expect(page.find('#field-password-error').text()).toBe('The password needs at least 8 characters.');
		expect(page.find('#field-confirm-error').text()).toBe('The two passwords are not the same.');
		expect(document.activeElement?.id).toBe('field-password');
		expect(fetch).not.toHaveBeenCalled();
	});

	test.each([
		['password', 'That password is among the first anyone guessing tries. Choose one that is harder to guess.'],
		['11111111', 'That password is among the first anyone guessing tries. Choose one that is harder to guess.'],
	])('The reset page refuses %j, as the server would, before sending anything', async (password, error) => {
		const fetch = vi.fn();
		vi.stubGlobal('fetch', fetch);
		const page = mount(ResetPasswordPage, {
			global: { plugins: [await routerAt('/reset-password?token=abc')] },
			attachTo: document.body,
		});
		await page.find('#field-password').setValue(password);
		await page.find('#field-confirm').setValue(password);
		await page.find('form').trigger('submit');
		expect(page.find('#field-password-error').text()).toBe(error);
		expect(fetch).not.toHaveBeenCalled();
	});

	test('The change-password form names the fields as new, after the current password', () => {
		const form = mount(ChangePasswordForm);
		expect(form.findAll('input').map((input) => input.attributes('name'))).toEqual([
			'current_password',
			'password',
			'confirm',
		]);
		expect(labelOf(form, 'field-password')).toBe('New password');
		expect(labelOf(form, 'field-confirm')).toBe('Repeat the new password');
		expect(form.find('#field-password-hint').text()).toBe(
			'At least 8 characters; not your e-mail address, nor a password anyone would guess first.',
		);
	});
});
