/**
 * "How did we do?" on a resolved ticket: the answer a mail's link chose is only chosen, never sent; nothing is sent
 * without an answer or with a comment over the limit; a rating that can no longer be changed is said so.
 */
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, test, vi } from 'vitest';
import TicketRating from '../../extensions/portal-app/src/components/TicketRating.vue';
import { ratingCommentLimit } from '../../src/ratings/ticket-rating.ts';

const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const open = { rating: null, canRate: true, refusal: null, changeableUntil: null };
type Call = [string, RequestInit];
const posts = (fetch: ReturnType<typeof vi.fn>) =>
	(fetch.mock.calls as unknown as Call[]).filter(([, init]) => init?.method === 'POST');

afterEach(() => {
	vi.unstubAllGlobals();
	document.body.innerHTML = '';
});

describe('Rating a ticket', () => {
	test('The answer a mail’s link chose is chosen, not sent; sending it sends the answer and the comment', async () => {
		const fetch = vi.fn(async (_url: string, init?: RequestInit) =>
			init?.method === 'POST'
				? json(200, {
						data: {
							...open,
							rating: { rating: 'bad', comment: 'Slow.', date_created: '2030-01-01T00:00:00Z', date_updated: null },
							changeableUntil: '2030-01-15T00:00:00Z',
						},
					})
				: json(200, { data: open }),
		);
		vi.stubGlobal('fetch', fetch);
		const block = mount(TicketRating, { props: { ticket: 7, chosen: 'bad' }, attachTo: document.body });
		await flushPromises();
		expect((block.find('input[value="bad"]').element as HTMLInputElement).checked).toBe(true);
		expect(posts(fetch)).toHaveLength(0);
		await block.find('#field-rating-comment').setValue(' Slow. ');
		await block.find('form').trigger('submit');
		await flushPromises();
		const [[url, init]] = posts(fetch) as [Call];
		expect(url).toContain('/portal/api/tickets/7/rating');
		expect(JSON.parse(String(init.body))).toEqual({ rating: 'bad', comment: 'Slow.' });
		expect(block.text()).toContain('Thank you: your rating was saved.');
		expect(block.find('[data-testid="rating-given"]').text()).toContain('You rated this ticket: Bad.');
	});

	test('Nothing is sent without an answer, or with a comment over the limit', async () => {
		const fetch = vi.fn(async () => json(200, { data: open }));
		vi.stubGlobal('fetch', fetch);
		const block = mount(TicketRating, { props: { ticket: 7, chosen: null }, attachTo: document.body });
		await flushPromises();
		await block.find('form').trigger('submit');
		expect(block.find('#rating-answer-error').text()).toBe('Choose good or bad.');
		await block.find('input[value="good"]').setValue(true);
		await block.find('#field-rating-comment').setValue('x'.repeat(ratingCommentLimit + 1));
		await block.find('form').trigger('submit');
		await flushPromises();
		expect(block.find('#field-rating-comment-error').text()).toBe('Shorten the comment to 1,000 characters or fewer.');
		expect(posts(fetch)).toHaveLength(0);
	});

	test('A rating that can no longer be changed shows without a form', async () => {
		const given = { rating: 'good', comment: null, date_created: '2030-01-01T00:00:00Z', date_updated: null };
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => json(200, { data: { ...open, rating: given, canRate: false, refusal: 'Too late.' } })),
		);
		const block = mount(TicketRating, { props: { ticket: 7, chosen: 'bad' }, attachTo: document.body });
		await flushPromises();
		expect(block.find('form').exists()).toBe(false);
		expect(block.find('[data-testid="rating-closed"]').text()).toBe('Your rating can no longer be changed.');
	});
});
