import { ref } from 'vue';
import { useApi } from '@directus/extensions-sdk';
import type { RatingsReport } from '../../../../src/ratings/list-ticket-ratings.ts';
import type { TicketRating } from '../../../../src/ratings/ticket-rating.ts';
import { useLoad } from './use-load.ts';

/**
 * Contacts' satisfaction ratings, read through the product's staff route as the signed-in staff user (only tickets
 * they may read count): good and bad over the last 30 and 90 days, and the list, narrowed to good or bad; or one
 * ticket's, for its conversation page.
 */
export function useRatings() {
	const api = useApi();
	const report = ref<RatingsReport | null>(null);
	const rating = ref<TicketRating | null>(null);

	const { loading, error, load } = useLoad(async (ticket: string | null = null) => {
		const response = await api.get<{ data: RatingsReport }>('/portal/api/studio/ratings', {
			params: { ...(rating.value ? { rating: rating.value } : {}), ...(ticket ? { ticket } : {}) },
		});
		report.value = response.data.data;
	});

	return { report, rating, loading, error, load };
}
