/**
 * Contacts' attachments go through the product's upload route, which checks the ticket and the group
 * and pins everything about the file; Directus's own file routes stay closed to them.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { api, createRow, directusUnderTest } from '../support/directus-under-test.ts';
import { createPortalContact, type PortalContact, tokenOf, uniqueName } from '../support/portal-users.ts';

let customer: number;
let contact: PortalContact;
let token: string;
let ticket: number;

beforeAll(async () => {
	customer = (await createRow('customers', { name: uniqueName('Uploads') })).id;
	contact = await createPortalContact(customer, 'Basic');
	token = await tokenOf(contact);
	ticket = (await createRow('tickets', { customer, contact: contact.id, subject: 'With files' })).id;
});

async function upload(
	path: string,
	body: string | Blob,
	{ type = 'text/plain', bearer = token }: { type?: string; bearer?: string | null } = {},
) {
	const response = await fetch(`${directusUnderTest().url}${path}`, {
		method: 'POST',
		headers: { 'Content-Type': type, ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) },
		body,
	});
	const text = await response.text();
	return {
		status: response.status,
		body: (text ? JSON.parse(text) : {}) as {
			data?: { id: number; file: string };
			errors?: { message: string; extensions?: { code?: string } }[];
		},
	};
}

describe('Uploading an attachment to a ticket', () => {
	test('Stores the file as a public attachment the contact can download, with everything pinned by the server', async () => {
		const response = await upload(
			`/portal/api/tickets/${ticket}/attachments?filename=${encodeURIComponent('../../etc/notes.txt')}`,
			'printer log',
		);
		expect(response.status).toBe(201);
		const file = await api<{
			filename_download: string;
			uploaded_by: string;
			storage: string;
			folder: string | null;
			filename_disk: string;
		}>('GET', `/files/${response.body.data?.file}?fields=filename_download,uploaded_by,storage,folder,filename_disk`);
		expect(file.body.data).toMatchObject({
			filename_download: 'notes.txt',
			uploaded_by: contact.userId,
			storage: 'local',
			folder: null,
		});
		expect(file.body.data?.filename_disk).toBe(`${response.body.data?.file}.txt`);
		const download = await fetch(`${directusUnderTest().url}/assets/${response.body.data?.file}`, {
			headers: { Authorization: `Bearer ${token}` },
		});
		expect(download.status).toBe(200);
		expect(await download.text()).toBe('printer log');

		const stranger = await createPortalContact(
			(await createRow('customers', { name: uniqueName('Stranger') })).id,
			'Administrator',
		);
		expect(
			(
				await fetch(`${directusUnderTest().url}/assets/${response.body.data?.file}`, {
					headers: { Authorization: `Bearer ${await tokenOf(stranger)}` },
				})
			).status,
		).toBe(403);
	});

	test('Refuses a ticket the contact cannot read, and stores nothing', async () => {
		const other = (
			await createRow('tickets', {
				customer: (await createRow('customers', { name: uniqueName('Other') })).id,
				subject: 'Not theirs',
			})
		).id;
		const before = (await api<unknown[]>('GET', '/files?fields=id&limit=-1')).body.data?.length;
		expect((await upload(`/portal/api/tickets/${other}/attachments?filename=x.txt`, 'x')).status).toBe(403);
		expect((await upload(`/portal/api/tickets/999999999/attachments?filename=x.txt`, 'x')).status).toBe(403);
		expect((await api<unknown[]>('GET', '/files?fields=id&limit=-1')).body.data?.length).toBe(before);
	});

	test('Refuses types and sizes outside the rules with a clear error', async () => {
		const executable = await upload(`/portal/api/tickets/${ticket}/attachments?filename=run.sh`, '#!/bin/sh', {
			type: 'application/x-sh',
		});
		expect(executable.status).toBe(400);
		expect(executable.body.errors?.[0]?.message).toBe(
			'Files of type "application/x-sh" cannot be attached. Send images, PDF, text or office documents.',
		);
		expect((await upload(`/portal/api/tickets/${ticket}/attachments`, 'no name')).status).toBe(400);
		const large = await upload(
			`/portal/api/tickets/${ticket}/attachments?filename=big.txt`,
			new Blob([new Uint8Array(11 * 1024 * 1024)]),
		);
		expect(large.status).toBe(413);
	});

	test('Is for contacts whose group lets them reply and see public attachments, and never for visitors', async () => {
		const group = await api<{ id: number }>('POST', '/items/portal_groups', {
			body: { name: uniqueName('No replies'), permissions: { 'tickets.view': 'own', 'tickets.attachments': 'public' } },
		});
		const quiet = await createPortalContact(customer, group.body.data?.id);
		const theirs = (await createRow('tickets', { customer, contact: quiet.id, subject: 'Quiet' })).id;
		expect(
			(await upload(`/portal/api/tickets/${theirs}/attachments?filename=a.txt`, 'a', { bearer: await tokenOf(quiet) }))
				.status,
		).toBe(403);
		expect(
			(await upload(`/portal/api/tickets/${ticket}/attachments?filename=a.txt`, 'a', { bearer: null })).status,
		).toBe(403);
	});

	test('States its size limit and types to portal users, and to nobody else', async () => {
		const rules = await api<{ max_bytes: number; types: string[] }>('GET', '/portal/api/uploads/rules', { token });
		expect(rules.status).toBe(200);
		expect(rules.body.data?.max_bytes).toBe(10 * 1024 * 1024);
		expect(rules.body.data?.types).toEqual(expect.arrayContaining(['application/pdf', 'image/png', 'text/plain']));
		expect(rules.body.data?.types).not.toContain('application/x-sh');
		expect((await api('GET', '/portal/api/uploads/rules', { token: null })).status).toBe(403);
	});

	test('Leaves Directus\u2019s own file routes closed to contacts', async () => {
		const form = new FormData();
		form.append('file', new Blob(['x'], { type: 'text/plain' }), 'x.txt');
		expect(
			(
				await fetch(`${directusUnderTest().url}/files`, {
					method: 'POST',
					headers: { Authorization: `Bearer ${token}` },
					body: form,
				})
			).status,
		).toBe(403);
		expect((await api('POST', '/files/import', { token, body: { url: 'http://127.0.0.1/' } })).status).toBe(403);
	});
});
