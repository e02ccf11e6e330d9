import { useApi } from '@directus/extensions-sdk';
import { ref } from 'vue';
import { useAction } from './use-action.ts';
import { useLoad } from './use-load.ts';

/** What the server says an uninstall would remove and keep (GET /portal/api/studio/uninstall). */
export interface UninstallPlan {
	collections: string[];
	fields: string[];
	kept: string[];
	policies: { id: string; name: string }[];
	roles: string[];
	users: { id: string; email: string | null }[];
}

/**
 * The Uninstall section: reads the plan for the chosen option, and uninstalls once the admin typed the
 * confirmation phrase (the server checks it too, and answers 403 to anyone but an admin).
 */
export function useUninstall() {
	const api = useApi();
	const removeData = ref(false);
	const confirmation = ref('');
	const typed = ref('');
	const plan = ref<UninstallPlan | null>(null);
	const removed = ref<string[] | null>(null);

	const { loading, error, load } = useLoad(async () => {
		const response = await api.get<{ data: { confirmation: string; plan: UninstallPlan } }>(
			'/portal/api/studio/uninstall',
			{ params: { removeData: String(removeData.value) } },
		);
		confirmation.value = response.data.data.confirmation;
		plan.value = response.data.data.plan;
	});

	const uninstalling = useAction(async () => {
		const response = await api.post<{ data: { removed: string[] } }>('/portal/api/studio/uninstall', {
			confirm: typed.value,
			removeData: removeData.value,
		});
		removed.value = response.data.data.removed;
	});

	return {
		removeData,
		confirmation,
		typed,
		plan,
		loading,
		error,
		running: uninstalling.running,
		uninstallError: uninstalling.error,
		removed,
		load,
		uninstall: uninstalling.run,
	};
}
