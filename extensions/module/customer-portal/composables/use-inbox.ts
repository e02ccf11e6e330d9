import { ref } from 'vue';
import { useApi } from '@directus/extensions-sdk';
import { useLoad } from './use-load.ts';

export type InboxStatus = 'accepted' | 'ignored' | 'refused';

export interface InboxEntry {
	id: number;
	status: InboxStatus;
	outcome: string;
	sender: string | null;
	subject: string;
	ticket_key: string | null;
	date_created: string;
}

/**
 * The mail the service desk received, read through Directus (the Portal staff policy reads `portal_inbox`):
 * newest first, narrowed by status, with counts.
 */
export function useInbox() {
	const api = useApi();
	const entries = ref<InboxEntry[]>([]);
	const counts = ref<Record<InboxStatus, number> | null>(null);
	const status = ref<InboxStatus | null>(null);

	const { loading, error, load } = useLoad(async () => {
		const [rows, grouped] = await Promise.all([
			api.get<{ data: InboxEntry[] }>('/items/portal_inbox', {
				params: {
					fields: ['id', 'status', 'outcome', 'sender', 'subject', 'ticket_key', 'date_created'],
					sort: ['-id'],
					limit: 200,
					...(status.value ? { filter: { status: { _eq: status.value } } } : {}),
				},
			}),
			api.get<{ data: { status: InboxStatus; count: number | string }[] }>('/items/portal_inbox', {
				params: { aggregate: { count: '*' }, groupBy: ['status'] },
			}),
		]);
		entries.value = rows.data.data;
		const byStatus: Record<InboxStatus, number> = { accepted: 0, ignored: 0, refused: 0 };
		for (const row of grouped.data.data) byStatus[row.status] = Number(row.count);
		counts.value = byStatus;
	});

	return { entries, counts, status, loading, error, load };
}
