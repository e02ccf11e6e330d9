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

/** The Conversations list's views: the tickets still to be solved (as help desks open), each state, or all. */
export const ticketViews = {
	unsolved: ['new', 'open', 'pending'],
	new: ['new'],
	open: ['open'],
	pending: ['pending'],
	resolved: ['resolved'],
	closed: ['closed'],
	all: null,
} as const satisfies Record<string, readonly string[] | null>;
export type TicketView = keyof typeof ticketViews;

export const ticketsPerPage = 25;

/**
 * The tickets staff work on, newest change first, read as the staff user through Directus (their role's rules
 * apply; on a team's own collections through the data map's names): one page of a view, narrowed by Directus's
 * search, with how many each state holds and how many pages the view has.
 */
export function useRecentTickets() {
	const api = usePortalApi();
	const tickets = ref<RecentTicket[]>([]);
	const search = ref('');
	const view = ref<TicketView>('unsolved');
	const page = ref(1);
	const pages = ref(1);
	const counts = ref<Record<string, number> | null>(null);

	const { loading, error, load } = useLoad(async () => {
		const states = ticketViews[view.value];
		const searched = search.value.trim() ? { search: search.value.trim() } : {};
		const [rows, grouped] = await Promise.all([
			api.get<{ data: RecentTicket[]; meta?: { filter_count?: number | string } }>('/items/tickets', {
				params: {
					fields: ['id', 'subject', 'status', 'customer.name', 'date_updated', 'date_created'],
					sort: ['-date_updated', '-id'],
					limit: ticketsPerPage,
					page: page.value,
					meta: 'filter_count',
					...(states ? { filter: { status: { _in: states } } } : {}),
					...searched,
				},
			}),
			api.get<{ data: { status: string | null; count: number | string | { id: number | string } }[] }>(
				'/items/tickets',
				{ params: { aggregate: { count: 'id' }, groupBy: ['status'], ...searched } },
			),
		]);
		tickets.value = rows.data.data;
		pages.value = Math.max(1, Math.ceil(Number(rows.data.meta?.filter_count ?? 0) / ticketsPerPage));
		const byStatus: Record<string, number> = {};
		for (const row of grouped.data.data) {
			const count = typeof row.count === 'object' ? row.count.id : row.count;
			byStatus[String(row.status)] = (byStatus[String(row.status)] ?? 0) + Number(count);
		}
		counts.value = byStatus;
	});

	/** Another view or search starts at the first page (whose watcher, on the page, loads it). */
	function reload(): Promise<void> {
		if (page.value === 1) return load();
		page.value = 1;
		return Promise.resolve();
	}

	return { tickets, search, view, page, pages, counts, loading, error, load, reload };
}
