/**
 * The forms added to the profile, ticket and device pages: changing one's password, attaching a file
 * and editing a device. Errors in words under the field they belong to; nothing is sent that the
 * app already knows the server would refuse.
 */
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, test, vi } from 'vitest';
import AttachmentUpload from '../../extensions/portal-app/src/components/AttachmentUpload.vue';
import ChangePasswordForm from '../../extensions/portal-app/src/components/ChangePasswordForm.vue';
import DeviceEditForm from '../../extensions/portal-app/src/components/DeviceEditForm.vue';
import TicketAttachments from '../../extensions/portal-app/src/components/TicketAttachments.vue';
import { useMe } from '../../extensions/portal-app/src/composables/use-me.ts';
import { signedInContact } from './signed-in-contact.ts';

const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
type Call = [string, RequestInit];
const callsTo = (fetch: ReturnType<typeof vi.fn>, part: string) =>
	(fetch.mock.calls as unknown as Call[]).filter(([url]) => String(url).includes(part));

afterEach(() => {
	vi.unstubAllGlobals();
	useMe().clear();
	document.body.innerHTML = '';
});

describe('Change password', () => {
	test('Asks for all three fields and checks the repeat before sending anything', async () => {
		const fetch = vi.fn();
		vi.stubGlobal('fetch', fetch);
		const form = mount(ChangePasswordForm, { attachTo: document.body });
		await form.find('form').trigger('submit');
		expect(form.find('#field-current_password-error').text()).toBe('This field is required.');
		expect(form.find('#field-password-error').text()).toBe('This field is required.');
		expect(document.activeElement?.id).toBe('field-current_password');
		await form.find('#field-current_password').setValue('old-password-1');
		await form.find('#field-password').setValue('new-password-1');
		await form.find('#field-confirm').setValue('new-password-2');
		await form.find('form').trigger('submit');
		expect(form.find('#field-confirm-error').text()).toBe('The two passwords are not the same.');
		expect(fetch).not.toHaveBeenCalled();
	});

	test('A wrong current password is shown under that field, not as a failed sign-in', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(() =>
				Promise.resolve(
					json(401, {
						errors: [{ message: 'Invalid user credentials.', extensions: { code: 'INVALID_CREDENTIALS' } }],
					}),
				),
			),
		);
		const form = mount(ChangePasswordForm, { attachTo: document.body });
		await form.find('#field-current_password').setValue('not-it');
		await form.find('#field-password').setValue('new-password-1');
		await form.find('#field-confirm').setValue('new-password-1');
		await form.find('form').trigger('submit');
		await flushPromises();
		expect(form.find('#field-current_password-error').text()).toBe('That is not your current password.');
		expect(form.find('#field-current_password').attributes('aria-describedby')).toBe('field-current_password-error');
		expect(document.activeElement?.id).toBe('field-current_password');
		expect(form.find('[role="alert"]').exists()).toBe(false);
	});

	test('Sends the current and the new password once, then clears the form and says so', async () => {
		const fetch = vi.fn(() => Promise.resolve(new Response(null, { status: 204 })));
		vi.stubGlobal('fetch', fetch);
		const form = mount(ChangePasswordForm, { attachTo: document.body });
		await form.find('#field-current_password').setValue('old-password-1');
		await form.find('#field-password').setValue('new-password-1');
		await form.find('#field-confirm').setValue('new-password-1');
		await form.find('form').trigger('submit');
		await flushPromises();
		const sent = callsTo(fetch, '/portal/api/me/password');
		expect(sent).toHaveLength(1);
		expect(sent[0]?.[1].method).toBe('POST');
		expect(JSON.parse(String(sent[0]?.[1].body))).toEqual({
			current_password: 'old-password-1',
			new_password: 'new-password-1',
		});
		expect(form.find('[role="status"]').text()).toBe(
			'Your password is changed. Use the new one next time you sign in.',
		);
		expect((form.find('#field-password').element as HTMLInputElement).value).toBe('');
	});
});

describe('Attachment upload', () => {
	const rules = { max_bytes: 1024, types: ['text/plain', 'application/pdf'] };

	async function mountUpload(answer: (url: string, init?: RequestInit) => Response) {
		const fetch = vi.fn((url: string, init?: RequestInit) =>
			Promise.resolve(String(url).includes('/uploads/rules') ? json(200, { data: rules }) : answer(url, init)),
		);
		vi.stubGlobal('fetch', fetch);
		const upload = mount(AttachmentUpload, { props: { ticket: 42 }, attachTo: document.body });
		await flushPromises();
		return { upload, fetch };
	}

	async function choose(upload: Awaited<ReturnType<typeof mountUpload>>['upload'], file: File) {
		const input = upload.find('input[type="file"]');
		Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
		await input.trigger('change');
		await upload.find('form').trigger('submit');
		await flushPromises();
	}

	test('States the limits under the field and refuses a file outside them without sending it', async () => {
		const { upload, fetch } = await mountUpload(() => json(201, { data: {} }));
		const input = upload.find('input[type="file"]');
		expect(upload.find(`#${input.attributes('aria-describedby')}`).text()).toBe(
			'Images, PDF, text, CSV, ZIP or office documents, up to 1.0 KB.',
		);

		await choose(upload, new File(['#!/bin/sh'], 'run.sh', { type: 'application/x-sh' }));
		expect(upload.find('#upload-42-error').text()).toBe(
			'Files of this type cannot be attached. Send images, PDF, text, CSV, ZIP or office documents.',
		);
		expect(input.attributes('aria-invalid')).toBe('true');
		await choose(upload, new File([new Uint8Array(2048)], 'big.txt', { type: 'text/plain' }));
		expect(upload.find('#upload-42-error').text()).toBe('This file is larger than 1.0 KB. Send a smaller file.');
		expect(callsTo(fetch, '/attachments')).toHaveLength(0);
	});

	test('Shows a chosen image as a thumbnail and a PDF as a badge, and lets go of the thumbnail when it goes', async () => {
		const made: string[] = [];
		vi.spyOn(URL, 'createObjectURL').mockImplementation(() => {
			made.push(`blob:thumbnail-${made.length + 1}`);
			return made.at(-1) ?? '';
		});
		const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
		try {
			const { upload, fetch } = await mountUpload(() => json(201, { data: {} }));
			const input = upload.find('input[type="file"]');
			const pick = async (file: File) => {
				Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
				await input.trigger('change');
			};
			await pick(new File([new Uint8Array(2000)], 'jam.png', { type: 'image/png' }));
			const chosen = upload.find('[data-testid="chosen-file"]');
			expect(chosen.find('img').attributes('src')).toBe('blob:thumbnail-1');
			expect(chosen.find('img').attributes('alt')).toBe('');
			expect(chosen.text()).toBe('jam.png2.0 KB');
			expect(revoke).not.toHaveBeenCalled();

			await pick(new File(['%PDF-1.4'], 'manual.pdf', { type: 'application/pdf' }));
			expect(revoke).toHaveBeenCalledWith('blob:thumbnail-1');
			expect(upload.find('[data-testid="chosen-file"] img').exists()).toBe(false);
			expect(upload.find('[data-testid="chosen-file"] [data-kind="PDF"]').text()).toBe('PDF');

			await pick(new File([new Uint8Array(10)], 'second.webp', { type: 'image/webp' }));
			expect(upload.find('[data-testid="chosen-file"] img').attributes('src')).toBe('blob:thumbnail-2');
			upload.unmount();
			expect(revoke).toHaveBeenLastCalledWith('blob:thumbnail-2');
			// Nothing is sent to draw a preview.
			expect(callsTo(fetch, '/attachments')).toHaveLength(0);
		} finally {
			vi.restoreAllMocks();
		}
	});

	test('Sends the file itself with its name and type, and tells the page to reload its attachments', async () => {
		const { upload, fetch } = await mountUpload(() => json(201, { data: { id: 1 } }));
		const file = new File(['printer log'], 'printer log.txt', { type: 'text/plain' });
		await choose(upload, file);
		const [sent] = callsTo(fetch, '/portal/api/tickets/42/attachments');
		expect(new URL(String(sent?.[0])).searchParams.get('filename')).toBe('printer log.txt');
		expect(sent?.[1].method).toBe('POST');
		expect((sent?.[1].headers as Record<string, string>)['Content-Type']).toBe('text/plain');
		expect(sent?.[1].body).toBe(file);
		expect(upload.find('[role="status"]').text()).toBe('printer log.txt is attached.');
		expect(upload.emitted('uploaded')).toHaveLength(1);
	});

	test('Shows the server\u2019s refusal in words under the field', async () => {
		const { upload } = await mountUpload(() =>
			json(413, {
				errors: [
					{ message: 'The file is larger than 10 MB. Send a smaller file.', extensions: { code: 'UPLOAD_TOO_LARGE' } },
				],
			}),
		);
		await choose(upload, new File(['x'], 'x.pdf', { type: 'application/pdf' }));
		expect(upload.find('#upload-42-error').text()).toBe('The file is larger than 10 MB. Send a smaller file.');
		expect(upload.emitted('uploaded')).toBeUndefined();
	});
});

describe('Attached files', () => {
	test('An image shows a thumbnail Directus scales, a PDF opens in a new tab, anything else shows its kind', async () => {
		const file = (id: string, filename_download: string, type: string) => ({
			id: id.charCodeAt(0),
			date_created: '2026-01-05T09:00:00Z',
			file: { id, title: null, filename_download, filesize: 2048, type },
		});
		vi.stubGlobal(
			'fetch',
			vi.fn(() =>
				Promise.resolve(
					json(200, {
						data: [
							file('a1', 'jam.png', 'image/png'),
							file('b2', 'manual.pdf', 'application/pdf'),
							file('c3', 'log.txt', 'text/plain'),
						],
					}),
				),
			),
		);
		const list = mount(TicketAttachments, { props: { ticket: 42 } });
		await flushPromises();
		const [image, pdf, text] = list.findAll('[data-testid="attachment"]');
		expect(image?.find('img').attributes('src')).toBe('/assets/a1?width=128&height=128&fit=cover');
		expect(image?.find('a').attributes('href')).toBe('/assets/a1?download');
		const links = pdf?.findAll('a') ?? [];
		expect(links.map((link) => [link.text(), link.attributes('href'), link.attributes('target')])).toEqual([
			['manual.pdf (opens in a new tab)', '/assets/b2', '_blank'],
			['Download', '/assets/b2?download', undefined],
		]);
		expect(pdf?.find('[data-kind="PDF"]').text()).toBe('PDF');
		expect(text?.find('img').exists()).toBe(false);
		expect(text?.find('[data-kind="TXT"]').text()).toBe('TXT');
		expect(text?.find('a').attributes('download')).toBe('log.txt');
	});
});

describe('Device edit', () => {
	const me = signedInContact('Administrator');
	const device = {
		id: 3,
		name: 'pc-01',
		type: 'computer' as const,
		serial: 'SN-1',
		manufacturer: null,
		model: null,
		ip_address: null,
		warranty_expires: null,
		notes: null,
		date_created: '2026-01-05T09:00:00Z',
		location: { id: 7, name: 'Head office' },
	};

	test('Offers the customer\u2019s locations, needs a name, and sends only the editable fields', async () => {
		useMe().me.value = me;
		const fetch = vi.fn((url: string) =>
			Promise.resolve(
				String(url).includes('/items/locations')
					? json(200, {
							data: [
								{ id: 7, name: 'Head office' },
								{ id: 8, name: 'Warehouse' },
							],
						})
					: json(200, { data: { id: 3 } }),
			),
		);
		vi.stubGlobal('fetch', fetch);
		const form = mount(DeviceEditForm, { props: { device }, attachTo: document.body });
		await flushPromises();
		const [locations] = callsTo(fetch, '/items/locations');
		expect(new URL(String(locations?.[0])).searchParams.get('filter')).toBe(JSON.stringify({ customer: { _eq: 9 } }));
		expect(form.findAll('#field-location option').map((option) => option.text())).toEqual([
			'No location',
			'Head office',
			'Warehouse',
		]);

		await form.find('#field-name').setValue(' ');
		await form.find('form').trigger('submit');
		expect(form.find('#field-name-error').text()).toBe('This field is required.');
		await form.find('#field-name').setValue('pc-02');
		await form.find('#field-location').setValue('8');
		await form.find('form').trigger('submit');
		await flushPromises();
		const [saved] = callsTo(fetch, '/items/devices/3');
		expect(saved?.[1].method).toBe('PATCH');
		expect(JSON.parse(String(saved?.[1].body))).toEqual({
			name: 'pc-02',
			type: 'computer',
			serial: 'SN-1',
			location: 8,
		});
		expect(form.text()).toContain('The device is saved.');
		expect(form.emitted('saved')).toHaveLength(1);
	});
});
