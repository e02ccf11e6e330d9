/**
 * The portal app's client on a team's collections: an `/items/…` request goes out in the map's names and its
 * rows come back in the app's; anything else, and everything on the bundled help desk, goes as it is.
 */
import { describe, expect, test } from 'vitest';
import { mappedFetch } from '../../../extensions/portal-app/src/lib/mapped-fetch.ts';
import type { DataMap } from '../../../src/data-map/data-map.ts';
import { secondSchemaMap } from '../../support/second-schema/second-schema-map.ts';

/** A stand-in for the network that records what was asked and answers `answer` as JSON. */
function network(answer: unknown) {
	const asked: { url: string; body: unknown }[] = [];
	const fetcher = (async (input: string, init?: RequestInit) => {
		asked.push({ url: input, body: typeof init?.body === 'string' ? JSON.parse(init.body) : null });
		return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
	}) as typeof fetch;
	return { asked, fetcher };
}

const base = 'http://portal.example.com';
const listUrl = `${base}/items/tickets?fields=id,subject,status,customer.name&filter=${encodeURIComponent(
	JSON.stringify({ status: { _eq: 'open' } }),
)}&sort=-date_created&limit=21`;

describe('The app’s requests', () => {
	test('go as they are while the portal runs on the bundled help desk', async () => {
		const { asked, fetcher } = network({ data: [{ id: 1, subject: 'Hi', status: 'open' }] });
		const answer = await mappedFetch(() => null, fetcher)(listUrl, { method: 'GET' });
		expect(asked.map(({ url }) => url)).toEqual([listUrl]);
		expect(await answer.json()).toEqual({ data: [{ id: 1, subject: 'Hi', status: 'open' }] });
	});

	test('go to the mapped collection in its names, and rows come back in the app’s', async () => {
		const map: DataMap = secondSchemaMap();
		const { asked, fetcher } = network({
			data: [{ id: 4, title: 'Printer', state: 'reopened', account: { label: 'Acme' } }],
		});
		const answer = await mappedFetch(() => map, fetcher)(listUrl, { method: 'GET' });
		const sent = new URL(asked[0]?.url ?? '');
		expect(sent.pathname).toBe('/items/cases');
		expect(sent.searchParams.get('fields')).toBe('id,title,state,account.label');
		expect(JSON.parse(sent.searchParams.get('filter') ?? '')).toEqual({ state: { _in: ['open', 'reopened'] } });
		expect(sent.searchParams.get('sort')).toBe('-created_on');
		expect(sent.searchParams.get('limit')).toBe('21');
		expect(await answer.json()).toEqual({
			data: [{ id: 4, subject: 'Printer', status: 'open', customer: { name: 'Acme' } }],
		});
	});

	test('a write goes in the map’s names and states; a portal route is not touched', async () => {
		const map: DataMap = secondSchemaMap();
		const { asked, fetcher } = network({ data: { id: 5, title: 'New', state: 'new' } });
		await mappedFetch(() => map, fetcher)(`${base}/items/tickets`, {
			method: 'POST',
			body: JSON.stringify({ subject: 'New', description: 'Text', status: 'new' }),
		});
		expect(asked[0]).toEqual({ url: `${base}/items/cases`, body: { title: 'New', details: 'Text', state: 'new' } });
		await mappedFetch(() => map, fetcher)(`${base}/portal/api/me`, { method: 'GET' });
		expect(asked[1]?.url).toBe(`${base}/portal/api/me`);
	});
});
