/**
 * The portal's one search and the articles suggested while a ticket is written: hits grouped by kind, only the
 * kinds the contact's group opens, each with its count and a link to its own list with the search kept; articles
 * that share the most words with the ticket first.
 */
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { defineComponent, h, nextTick, ref } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { afterEach, describe, expect, test, vi } from 'vitest';
import SuggestedArticles from '../../extensions/portal-app/src/components/SuggestedArticles.vue';
import { useMe } from '../../extensions/portal-app/src/composables/use-me.ts';
import { bestSuggestions, suggestionWords } from '../../extensions/portal-app/src/lib/suggested-articles.ts';
import SearchPage from '../../extensions/portal-app/src/pages/SearchPage.vue';
import { capabilitiesOf, signedInContact } from './signed-in-contact.ts';

const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

async function routerAt(path: string) {
	const router = createRouter({
		history: createMemoryHistory(),
		routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }],
	});
	await router.push(path);
	return router;
}

/** Directus as the search asks it: rows per collection, and their count where the request is an aggregate. */
function answering(rows: Record<string, { id: number; [field: string]: unknown }[]>) {
	return vi.fn((url: string) => {
		const address = new URL(url);
		const collection = address.pathname.split('/')[2] ?? '';
		const found = rows[collection] ?? [];
		if (address.searchParams.has('aggregate'))
			return Promise.resolve(json(200, { data: [{ countDistinct: { id: found.length } }] }));
		return Promise.resolve(json(200, { data: found.slice(0, Number(address.searchParams.get('limit'))) }));
	});
}

afterEach(() => {
	vi.unstubAllGlobals();
	useMe().clear();
	document.body.innerHTML = '';
});
// Registered last, so it runs first: a page still mounted would read the contact cleared above.
enableAutoUnmount(afterEach);

describe('The search page', () => {
	test('Groups the hits by kind, each with its count, its first hits and a link to its list with the search kept', async () => {
		useMe().me.value = signedInContact('Basic');
		const fetch = answering({
			tickets: Array.from({ length: 7 }, (_, at) => ({ id: 100 + at, subject: `Toner low ${at}`, status: 'open' })),
			kb_articles: [{ id: 3, title: 'Changing toner', date_created: '2026-01-01T00:00:00Z', date_updated: null }],
			documents: [],
		});
		vi.stubGlobal('fetch', fetch);
		const page = mount(SearchPage, { global: { plugins: [await routerAt('/search?q=toner')] } });
		await flushPromises();

		expect(page.find('h1').text()).toBe('Results for “toner”');
		const groups = page.findAll('[data-search-group]');
		expect(groups.map((group) => group.find('h2').text())).toEqual(['Tickets', 'Knowledge base', 'Documentation']);
		expect(groups.map((group) => group.find('[data-testid="search-count"]').text())).toEqual([
			'7 results',
			'1 result',
			'0 results',
		]);
		const [tickets, articles, documents] = groups;
		expect(tickets?.findAll('li a').map((link) => link.attributes('href'))).toEqual(
			[100, 101, 102, 103, 104].map((id) => `/tickets/${id}`),
		);
		expect(tickets?.find('li a').text()).toBe('#100 Toner low 0');
		expect(tickets?.find('li .badge').text()).toBe('Open');
		expect(tickets?.find('a.all').attributes('href')).toBe('/tickets?q=toner');
		expect(articles?.find('li a').attributes('href')).toBe('/knowledge-base/3');
		expect(articles?.find('a.all').text()).toBe('See all in Knowledge base →');
		expect(articles?.find('a.all').attributes('href')).toBe('/knowledge-base?q=toner');
		expect(documents?.text()).toContain('Nothing found here.');
		expect(documents?.find('a.all').exists()).toBe(false);

		// Every request searches with Directus's own `search`, as the lists do: Directus applies the contact's rules.
		for (const [url] of fetch.mock.calls) expect(new URL(url).searchParams.get('search')).toBe('toner');
	});

	test('Leaves out a kind the group does not open, and asks Directus nothing about it', async () => {
		useMe().me.value = signedInContact('Basic', { ...capabilitiesOf('Basic'), 'kb.view': false, 'docs.view': false });
		const fetch = answering({ tickets: [] });
		vi.stubGlobal('fetch', fetch);
		const page = mount(SearchPage, { global: { plugins: [await routerAt('/search?q=toner')] } });
		await flushPromises();
		expect(page.findAll('[data-search-group]').map((group) => group.attributes('data-search-group'))).toEqual([
			'tickets',
		]);
		expect(fetch.mock.calls.every(([url]) => new URL(url).pathname.startsWith('/items/tickets'))).toBe(true);
	});

	test('Without words, asks for them and sends nothing', async () => {
		useMe().me.value = signedInContact('Basic');
		const fetch = answering({});
		vi.stubGlobal('fetch', fetch);
		const page = mount(SearchPage, { global: { plugins: [await routerAt('/search?q=%20')] } });
		await flushPromises();
		expect(page.find('h1').text()).toBe('Search');
		expect(page.text()).toContain('Type a word to look for in your tickets, articles and documents.');
		expect(fetch).not.toHaveBeenCalled();
	});
});

describe('Articles that may help', () => {
	test('Looks up the longest words typed, and puts the articles sharing most of them first', () => {
		expect(suggestionWords('The printer on floor 2 jams; printer jams!')).toEqual(['printer', 'floor', 'jams']);
		const articles = [
			{ id: 1, title: 'Floor plans', body: null },
			{ id: 2, title: 'Printer jams', body: 'Open the printer.' },
			{ id: 3, title: 'Holidays', body: 'Nothing about it.' },
			{ id: 4, title: 'Cleaning', body: 'When the printer jams, clean it.' },
		];
		expect(bestSuggestions(articles, ['printer', 'jams'], 5).map((article) => article.id)).toEqual([2, 4]);
		expect(bestSuggestions(articles, ['printer', 'jams', 'floor'], 1).map((article) => article.id)).toEqual([2]);
	});

	test('Appears once typing pauses, with links that open in a new tab', async () => {
		vi.useFakeTimers();
		try {
			const fetch = vi.fn((_url: string) =>
				Promise.resolve(
					json(200, {
						data: [
							{ id: 8, title: 'Clearing a paper jam', body: 'Open the printer.', date_created: '', date_updated: null },
						],
					}),
				),
			);
			vi.stubGlobal('fetch', fetch);
			// What the form has typed so far, as the new-ticket page passes it.
			const typed = ref('');
			const box = mount(
				defineComponent(() => () => h(SuggestedArticles, { text: typed.value })),
				{ global: { plugins: [await routerAt('/tickets/new')] } },
			);
			typed.value = 'Printer';
			await nextTick();
			typed.value = 'Printer paper jam';
			await nextTick();
			expect(fetch).not.toHaveBeenCalled();
			await vi.advanceTimersByTimeAsync(500);
			await flushPromises();
			expect(fetch).toHaveBeenCalledTimes(1);
			const filter = JSON.parse(new URL(String(fetch.mock.calls[0]?.[0])).searchParams.get('filter') ?? '{}');
			expect(filter).toEqual({
				_or: [
					{ title: { _icontains: 'printer' } },
					{ body: { _icontains: 'printer' } },
					{ title: { _icontains: 'paper' } },
					{ body: { _icontains: 'paper' } },
				],
			});
			const panel = box.find('[data-testid="suggested-articles"]');
			expect(panel.find('h2').text()).toBe('Articles that may help');
			const link = panel.find('a');
			expect(link.attributes('href')).toBe('/knowledge-base/8');
			expect(link.attributes('target')).toBe('_blank');
			expect(link.text()).toBe('Clearing a paper jam (opens in a new tab)');

			// Words too short to look up take the suggestions away without asking again.
			typed.value = 'it';
			await nextTick();
			await vi.advanceTimersByTimeAsync(500);
			expect(box.find('[data-testid="suggested-articles"]').exists()).toBe(false);
			expect(fetch).toHaveBeenCalledTimes(1);
		} finally {
			vi.useRealTimers();
		}
	});
});
