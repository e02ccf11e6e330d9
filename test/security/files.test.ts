/**
 * Files as an outsider would go at them: another customer's /assets and /files, every way to write a
 * file through Directus's own routes (multipart, TUS, import from a URL, overwrite, `filename_disk`),
 * and the portal's upload route with server-side fields smuggled in. Contacts get files only through
 * attachments they may read, and write them only through the portal's route.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api, directusUnderTest } from '../support/directus-under-test.ts';
import { expectRefused } from '../support/expect-refused.ts';
import { adminRead, type AttackWorld, createAttackWorld } from './attack-world.ts';

let world: AttackWorld;
/** A server on this machine standing in for an internal service; it counts every request that reaches it. */
let internal: Server;
let hits = 0;

beforeAll(async () => {
	world = await createAttackWorld();
	internal = createServer((_request, response) => {
		hits += 1;
		response.setHeader('Content-Type', 'text/plain');
		response.end('internal secret');
	});
	// "::" listens on IPv4 too, so 127.0.0.1, 0.0.0.0 and [::] all reach it.
	await new Promise<void>((ready) => internal.listen(0, '::', ready));
});

afterAll(async () => {
	await new Promise((done) => internal.close(done));
});

const url = (path: string) => `${directusUnderTest().url}${path}`;
const bearer = (token: string | null): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {});
const who = () =>
	[
		['a contact of another customer', world.attackerToken],
		['a visitor who is not signed in', null],
	] as const;
const fileCount = async () => (await adminRead<{ id: string }[]>('/files?fields=id&limit=-1'))?.length ?? 0;

describe('/assets and /files', () => {
	test('Another customer’s file is refused through /assets in every form, and the own one is served', async () => {
		for (const [label, token] of who()) {
			for (const query of [
				'',
				'?download',
				'?width=10&height=10',
				'?key=system-small-cover',
				'?transforms=[["blur",1]]',
			]) {
				const response = await fetch(url(`/assets/${world.victimFile}${query}`), { headers: bearer(token) });
				expect([401, 403], `${label}: /assets${query}`).toContain(response.status);
			}
		}
		const own = await fetch(url(`/assets/${world.attackerFile}`), { headers: bearer(world.attackerToken) });
		expect(own.status).toBe(200);
		expect(await own.text()).toBe('attacker own');
	});

	test('Another customer’s file is not in /files by id, list, search or filter', async () => {
		const token = world.attackerToken;
		expect((await api('GET', `/files/${world.victimFile}`, { token })).status).toBe(403);
		const listed = await api<{ id: string }[]>('GET', '/files?fields=id&limit=-1', { token });
		expect(listed.body.data?.map((file) => file.id)).toContain(world.attackerFile);
		expect(listed.body.data?.map((file) => file.id)).not.toContain(world.victimFile);
		expect((await api<unknown[]>('GET', '/files?search=victim&fields=id', { token })).body.data).toEqual([]);
		expect(
			(await api<unknown[]>(`GET`, `/files?filter[id][_eq]=${world.victimFile}&fields=id`, { token })).body.data,
		).toEqual([]);
		expect((await api('GET', `/files/${world.victimFile}`, { token: null })).status).toBe(403);
	});

	test('filename_disk, storage, uploaded_by and folder are never readable, filterable or sortable', async () => {
		const token = world.attackerToken;
		for (const field of ['filename_disk', 'storage', 'uploaded_by', 'folder', 'modified_by']) {
			expect(
				(await api('GET', `/files/${world.attackerFile}?fields=${field}`, { token })).status,
				`fields=${field}`,
			).toBe(403);
			expect((await api('GET', `/files?filter[${field}][_nnull]=true`, { token })).status, `filter ${field}`).toBe(403);
			expect(
				(await api('GET', `/files?aggregate[countDistinct]=${field}`, { token })).status,
				`aggregate ${field}`,
			).toBe(403);
		}
	});
});

describe('Writing files through Directus’s own routes', () => {
	test('GHSA-j5h6-vqc3-phqh: a multipart upload is refused, whatever filename_disk, storage or folder it names', async () => {
		const before = await fileCount();
		for (const [label, token] of who()) {
			const form = new FormData();
			form.append('filename_disk', '../../extensions/planted.js');
			form.append('storage', 'local');
			form.append('uploaded_by', world.victim.userId);
			form.append('file', new Blob(['planted'], { type: 'text/plain' }), 'planted.txt');
			const response = await fetch(url('/files'), { method: 'POST', headers: bearer(token), body: form });
			expect([401, 403], label).toContain(response.status);
		}
		expect(await fileCount()).toBe(before);
	});

	test('filename_disk overwrite: a contact cannot rename, repoint or replace the content of a file they can read', async () => {
		const token = world.attackerToken;
		const diskName = (await adminRead<{ filename_disk: string }>(`/files/${world.attackerFile}?fields=filename_disk`))
			?.filename_disk;
		const victimDiskName = (
			await adminRead<{ filename_disk: string }>(`/files/${world.victimFile}?fields=filename_disk`)
		)?.filename_disk;
		expect(
			(await api('PATCH', `/files/${world.attackerFile}`, { token, body: { filename_disk: victimDiskName } })).status,
		).toBe(403);
		expect((await api('PATCH', `/files/${world.attackerFile}`, { token, body: { title: 'Renamed' } })).status).toBe(
			403,
		);
		const replace = new FormData();
		replace.append('file', new Blob(['overwritten'], { type: 'text/plain' }), 'attacker.txt');
		expect(
			(await fetch(url(`/files/${world.victimFile}`), { method: 'PATCH', headers: bearer(token), body: replace }))
				.status,
		).toBe(403);
		const replaceOwn = new FormData();
		replaceOwn.append('file', new Blob(['overwritten'], { type: 'text/plain' }), 'attacker.txt');
		expect(
			(await fetch(url(`/files/${world.attackerFile}`), { method: 'PATCH', headers: bearer(token), body: replaceOwn }))
				.status,
		).toBe(403);
		expect((await api('DELETE', `/files/${world.attackerFile}`, { token })).status).toBe(403);
		expect(
			(await adminRead<{ filename_disk: string }>(`/files/${world.attackerFile}?fields=filename_disk`))?.filename_disk,
		).toBe(diskName);
		expect(
			await (
				await fetch(url(`/assets/${world.victimFile}`), { headers: bearer(directusUnderTest().adminToken) })
			).text(),
		).toBe('victim secret');
	});

	test('TUS overwrite: resumable uploads are refused and create or change nothing', async () => {
		const before = await fileCount();
		for (const [label, token] of who()) {
			const created = await fetch(url('/files/tus'), {
				method: 'POST',
				headers: {
					...bearer(token),
					'Tus-Resumable': '1.0.0',
					'Upload-Length': '7',
					'Upload-Metadata': `filename ${Buffer.from('x.txt').toString('base64')},id ${Buffer.from(world.victimFile).toString('base64')}`,
				},
			});
			expect(created.status, label).toBeGreaterThanOrEqual(400);
			const patched = await fetch(url(`/files/tus/${world.victimFile}`), {
				method: 'PATCH',
				headers: {
					...bearer(token),
					'Tus-Resumable': '1.0.0',
					'Upload-Offset': '0',
					'Content-Type': 'application/offset+octet-stream',
				},
				body: 'planted',
			});
			expect(patched.status, label).toBeGreaterThanOrEqual(400);
		}
		expect(await fileCount()).toBe(before);
		expect(
			await (
				await fetch(url(`/assets/${world.victimFile}`), { headers: bearer(directusUnderTest().adminToken) })
			).text(),
		).toBe('victim secret');
	});

	test('GHSA-j5h6-vqc3-phqh: /files/import is refused for loopback, unspecified and link-local addresses, and nothing is fetched', async () => {
		const port = (internal.address() as AddressInfo).port;
		const targets = [
			`http://127.0.0.1:${port}/secret`,
			`http://localhost:${port}/secret`,
			`http://0.0.0.0:${port}/secret`,
			`http://[::]:${port}/secret`,
			`http://[::1]:${port}/secret`,
			`http://[::ffff:127.0.0.1]:${port}/secret`,
			`http://2130706433:${port}/secret`,
			'http://169.254.169.254/latest/meta-data/',
			'http://[fe80::1]/',
		];
		const before = await fileCount();
		for (const [label, token] of who()) {
			for (const target of targets) {
				const response = await api('POST', '/files/import', {
					token,
					body: { url: target, data: { filename_disk: 'planted.txt', storage: 'local' } },
				});
				expectRefused(response, `${label}: ${target}`);
			}
		}
		expect(hits).toBe(0);
		expect(await fileCount()).toBe(before);
	});
});

describe('The portal’s upload route', () => {
	test('Ignores filename_disk, storage, folder and uploaded_by sent with the upload', async () => {
		const query = new URLSearchParams({
			filename: 'note.txt',
			filename_disk: '../../planted.txt',
			storage: 'elsewhere',
			folder: '00000000-0000-0000-0000-000000000000',
			uploaded_by: world.victim.userId,
		});
		const response = await fetch(url(`/portal/api/tickets/${world.attackerTicket}/attachments?${query}`), {
			method: 'POST',
			headers: { ...bearer(world.attackerToken), 'Content-Type': 'text/plain', 'X-Filename-Disk': '../../planted.txt' },
			body: 'portal upload',
		});
		expect(response.status).toBe(201);
		const { data } = (await response.json()) as { data: { file: string } };
		const stored = await adminRead<{
			filename_disk: string;
			storage: string;
			folder: string | null;
			uploaded_by: string;
		}>(`/files/${data.file}?fields=filename_disk,storage,folder,uploaded_by`);
		expect(stored).toEqual({
			filename_disk: `${data.file}.txt`,
			storage: 'local',
			folder: null,
			uploaded_by: world.attacker.userId,
		});
	});

	test('Refuses an upload to another customer’s ticket', async () => {
		const before = await fileCount();
		const response = await fetch(url(`/portal/api/tickets/${world.victimTicket}/attachments?filename=x.txt`), {
			method: 'POST',
			headers: { ...bearer(world.attackerToken), 'Content-Type': 'text/plain' },
			body: 'x',
		});
		expect(response.status).toBe(403);
		const anonymous = await fetch(url(`/portal/api/tickets/${world.attackerTicket}/attachments?filename=x.txt`), {
			method: 'POST',
			headers: { 'Content-Type': 'text/plain' },
			body: 'x',
		});
		expect([401, 403]).toContain(anonymous.status);
		expect(await fileCount()).toBe(before);
	});
});
