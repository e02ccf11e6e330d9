import { useApi } from '@directus/extensions-sdk';
import { computed, ref } from 'vue';
import { disabledCapabilities, formToPermissions, type GroupForm, toGroupForm } from '../lib/group-form.ts';
import { useAction } from './use-action.ts';
import { useLoad } from './use-load.ts';

export interface EditedGroup {
	id: number;
	name: string;
	description: string | null;
	assignable_by_client: boolean;
	is_system: boolean;
	permissions: Record<string, unknown> | null;
}

/** One group in the editor: its form, what is disabled, and saving through PATCH /items/portal_groups/:id. */
export function useGroupEditor() {
	const api = useApi();
	const group = ref<EditedGroup | null>(null);
	const name = ref('');
	const description = ref<string | null>('');
	const assignableByClient = ref(false);
	const form = ref<GroupForm>(toGroupForm(null));
	const saved = ref(false);
	const disabled = computed(() => disabledCapabilities(form.value));
	const readOnly = computed(() => group.value?.is_system === true);
	/** Whether the form differs from the group as last read or saved (a system group cannot differ). */
	const dirty = computed(() => {
		const shown = group.value;
		if (!shown || readOnly.value) return false;
		return (
			name.value !== shown.name ||
			(description.value || null) !== (shown.description || null) ||
			assignableByClient.value !== shown.assignable_by_client ||
			JSON.stringify(formToPermissions(form.value)) !==
				JSON.stringify(formToPermissions(toGroupForm(shown.permissions)))
		);
	});

	const { loading, error, load } = useLoad(async (id: number) => {
		// Another group opened in the same editor starts without the last one's outcome.
		saved.value = false;
		saving.error.value = null;
		const response = await api.get<{ data: EditedGroup }>(`/items/portal_groups/${id}`, {
			params: { fields: ['id', 'name', 'description', 'assignable_by_client', 'is_system', 'permissions'] },
		});
		group.value = response.data.data;
		name.value = group.value.name;
		description.value = group.value.description ?? '';
		assignableByClient.value = group.value.assignable_by_client;
		form.value = toGroupForm(group.value.permissions);
	});

	const saving = useAction(async (edited: EditedGroup) => {
		saved.value = false;
		const permissions = formToPermissions(form.value);
		await api.patch(`/items/portal_groups/${edited.id}`, {
			name: name.value,
			description: description.value || null,
			assignable_by_client: assignableByClient.value,
			permissions,
		});
		form.value = toGroupForm(permissions);
		group.value = {
			...edited,
			name: name.value,
			description: description.value || null,
			assignable_by_client: assignableByClient.value,
			permissions,
		};
		saved.value = true;
	});

	async function save(): Promise<boolean> {
		if (!group.value || readOnly.value) return false;
		return saving.run(group.value);
	}

	return {
		group,
		name,
		description,
		assignableByClient,
		form,
		disabled,
		readOnly,
		dirty,
		loading,
		error,
		saving: saving.running,
		saveError: saving.error,
		saved,
		load,
		save,
	};
}
