/** How the endpoint serves the built app at /portal/: deep links, caching, unknown API paths, and nothing outside dist/portal/. */
import { request } from 'node:http';
import { describe, expect, test } from 'vitest';
import { directusUnderTest } from '../support/directus-under-test.ts';

/** A GET with the path sent exactly as written (fetch would normalise `..`). */
function rawGet(
	path: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
	const url = new URL(directusUnderTest().url);
	return new Promise((done, fail) => {
		const outgoing = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () =>
				done({
					status: response.statusCode ?? 0,
					headers: response.headers,
					body: Buffer.concat(chunks).toString('utf8'),
				}),
			);
		});
		outgoing.on('error', fail);
		outgoing.end();
	});
}

describe('The portal app at /portal/', () => {
	test('Serves index.html uncached for the root and for deep links', async () => {
		for (const path of ['/portal/', '/portal/tickets/12', '/portal/accept-invitation?token=abc']) {
			const response = await rawGet(path);
			expect(response.status, path).toBe(200);
			expect(response.headers['content-type']).toMatch(/^text\/html/);
			expect(response.headers['cache-control']).toContain('no-cache');
			expect(response.headers['referrer-policy']).toBe('no-referrer');
			expect(response.body).toContain('<div id="app">');
		}
		const bare = await rawGet('/portal');
		expect(bare.status).toBe(301);
		expect(bare.headers['location']).toBe('/portal/');
	});

	test('Serves hashed assets with a long cache, and a missing asset is a 404, not the page', async () => {
		const page = await rawGet('/portal/');
		const asset = /\/portal\/assets\/[^"]+\.js/.exec(page.body)?.[0];
		expect(asset).toBeDefined();
		const response = await rawGet(asset ?? '');
		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toMatch(/^text\/javascript/);
		expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect((await rawGet('/portal/assets/nothing-here.js')).status).toBe(404);
	});

	test('Unknown /portal/api paths answer a 404 JSON error, for every method', async () => {
		const response = await rawGet('/portal/api/no-such-route');
		expect(response.status).toBe(404);
		expect(JSON.parse(response.body)).toMatchObject({ errors: [{ extensions: { code: 'ROUTE_NOT_FOUND' } }] });
		const post = await fetch(`${directusUnderTest().url}/portal/api/no-such-route`, { method: 'POST' });
		expect(post.status).toBe(404);
	});

	test('Never serves a file outside dist/portal/', async () => {
		for (const path of [
			'/portal/..%2f..%2fpackage.json',
			'/portal/%2e%2e/%2e%2e/package.json',
			'/portal/assets/..%2f..%2fapi.js',
			'/portal/assets/%2e%2e%2f%2e%2e%2fapi.js',
			'/portal/..%5c..%5capi.js',
			'/portal/%00index.html',
			'/portal/assets/%2e%2e/%2e%2e/%2e%2e/package.json',
		]) {
			const response = await rawGet(path);
			expect(response.body, path).not.toContain('directus:extension');
			expect(response.body, path).not.toContain('defineEndpoint');
			expect(response.body, path).not.toContain('registerPortalApp');
			expect([200, 404], path).toContain(response.status);
			if (response.status === 200) expect(response.body).toContain('<div id="app">');
		}
	});
});
