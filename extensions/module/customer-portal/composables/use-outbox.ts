import { ref } from 'vue';
import { useApi } from '@directus/extensions-sdk';
import { strings } from '../i18n/strings.ts';
import { useAction } from './use-action.ts';
import { useLoad } from './use-load.ts';

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled';

export interface OutboxEntry {
	id: number;
	kind: string;
	status: OutboxStatus;
	recipient: string;
	subject: string;
	attempts: number;
	next_attempt_at: string | null;
	last_error: string | null;
	sent_at: string | null;
	date_created: string;
	invitation: number | null;
}

/** The portal's outbox through its staff route: newest first, narrowed by status, with counts; resend one. */
export function useOutbox() {
	const api = useApi();
	const entries = ref<OutboxEntry[]>([]);
	const counts = ref<Record<OutboxStatus, number> | null>(null);
	const status = ref<OutboxStatus | null>(null);
	const message = ref<string | null>(null);

	const { loading, error, load } = useLoad(async () => {
		const response = await api.get<{ data: OutboxEntry[]; meta: { counts: Record<OutboxStatus, number> } }>(
			'/portal/api/outbox',
			{ params: { limit: 200, ...(status.value ? { status: status.value } : {}) } },
		);
		entries.value = response.data.data;
		counts.value = response.data.meta.counts;
	});

	const resend = useAction(
		async (entry: OutboxEntry) => {
			message.value = null;
			await api.post(`/portal/api/outbox/${entry.id}/resend`);
			return entry.invitation !== null && entry.status !== 'queued'
				? strings.outbox.invitationResent(entry.recipient)
				: strings.outbox.mailResent(entry.recipient);
		},
		{ onSuccess: (text) => (message.value = text), onDone: load },
	);

	return { entries, counts, status, message, loading, error, load, resend };
}
