import { ref } from 'vue';
import { usePortalApi } from './use-portal-api.ts';
import { useLoad } from './use-load.ts';

export interface RecentTicket {
	id: number | string;
	subject: string;
	status: string | null;
	customer: { name: string } | null;
	date_updated: string | null;
	date_created: string | null;
}

/**
 * The tickets staff last worked on, newest change first, read as the staff user through Directus (their role's
 * rules apply; on a team's own collections through the data map's names). `search` narrows by Directus's search.
 */
export function useRecentTickets() {
	const api = usePortalApi();
	const tickets = ref<RecentTicket[]>([]);
	const search = ref('');

	const { loading, error, load } = useLoad(async () => {
		const response = await api.get<{ data: RecentTicket[] }>('/items/tickets', {
			params: {
				fields: ['id', 'subject', 'status', 'customer.name', 'date_updated', 'date_created'],
				sort: ['-date_updated', '-id'],
				limit: 50,
				...(search.value.trim() ? { search: search.value.trim() } : {}),
			},
		});
		tickets.value = response.data.data;
	});

	return { tickets, search, loading, error, load };
}
