import { ref } from 'vue';
import { useApi } from '@directus/extensions-sdk';
import type { StaffReplyState } from '../../../../src/conversation/staff-reply-states.ts';
import type { StaffConversation } from '../../../../src/conversation/read-staff-conversation.ts';
import { useAction } from './use-action.ts';
import { useLoad } from './use-load.ts';

/**
 * A ticket's conversation in the studio, read and answered through the product's staff routes as the signed-in
 * staff user. A reply is sent with its kind said (`internal` true or false), never left to a default.
 */
export function useConversation() {
	const api = useApi();
	const conversation = ref<StaffConversation | null>(null);
	const ticketId = ref<string | null>(null);

	const { loading, error, load } = useLoad(async (id: string) => {
		if (ticketId.value !== id) conversation.value = null;
		ticketId.value = id;
		const response = await api.get<{ data: StaffConversation }>(
			`/portal/api/studio/tickets/${encodeURIComponent(id)}/conversation`,
		);
		conversation.value = response.data.data;
	});

	const send = useAction(
		async (
			body: string,
			internal: boolean,
			status: StaffReplyState | null = null,
			attachments: readonly (number | string)[] = [],
		) => {
			await api.post(`/portal/api/studio/tickets/${encodeURIComponent(ticketId.value ?? '')}/replies`, {
				body,
				internal,
				...(status ? { status } : {}),
				...(attachments.length > 0 ? { attachments } : {}),
			});
		},
		{ onSuccess: () => load(ticketId.value ?? '') },
	);

	return { conversation, loading, error, load, send };
}
