import { ref } from 'vue';
import { useApi } from '@directus/extensions-sdk';
import { useAction } from './use-action.ts';
import { useLoad } from './use-load.ts';

/** The name the signed-in staff member chose to be shown to contacts by (or null), and the name contacts read. */
export interface StaffShownAs {
	display_name: string | null;
	shown_as: string;
}

/** The signed-in staff member's name as contacts read it, read and chosen through the product's staff route. */
export function useStaffDisplayName() {
	const api = useApi();
	const shownAs = ref<StaffShownAs | null>(null);
	const { error, load } = useLoad(async () => {
		shownAs.value = (await api.get<{ data: StaffShownAs }>('/portal/api/studio/me/display-name')).data.data;
	});
	const save = useAction(
		async (name: string | null) =>
			(await api.patch<{ data: StaffShownAs }>('/portal/api/studio/me/display-name', { display_name: name })).data.data,
		{ onSuccess: (saved) => (shownAs.value = saved) },
	);
	return { shownAs, error, load, save };
}
