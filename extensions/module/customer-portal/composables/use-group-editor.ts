import { useApi } from '@directus/extensions-sdk';
import { computed, ref } from 'vue';
import { copyName, disabledCapabilities, formToPermissions, type GroupForm, toGroupForm } from '../lib/group-form.ts';
import { useAction } from './use-action.ts';
import { useLoad } from './use-load.ts';

export interface EditedGroup {
	/** Null for a copy not saved yet. */
	id: number | null;
	name: string;
	description: string | null;
	assignable_by_client: boolean;
	is_system: boolean;
	permissions: Record<string, unknown> | null;
}

/** What a copy starts from: the group as the editor showed it, changes included. */
export type GroupDraft = Pick<EditedGroup, 'name' | 'description' | 'assignable_by_client' | 'permissions'>;

/** What the editor opens: a stored group, or an unsaved copy of one (of `draft` where given). */
export type GroupToEdit = { id: number } | { copyOf: number; draft: GroupDraft | null };

const groupFields = ['id', 'name', 'description', 'assignable_by_client', 'is_system', 'permissions'];

/**
 * One group in the editor: its form, what is disabled, and saving — PATCH /items/portal_groups/:id for a
 * stored group, POST for a copy, which exists only once it is saved.
 */
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
	/** Whether there is something to lose: a copy not saved yet, or a form that differs from the stored group. */
	const dirty = computed(() => {
		const shown = group.value;
		if (!shown || readOnly.value) return false;
		return (
			shown.id === null ||
			name.value !== shown.name ||
			(description.value || null) !== (shown.description || null) ||
			assignableByClient.value !== shown.assignable_by_client ||
			JSON.stringify(formToPermissions(form.value)) !==
				JSON.stringify(formToPermissions(toGroupForm(shown.permissions)))
		);
	});

	function show(edited: EditedGroup): void {
		group.value = edited;
		name.value = edited.name;
		description.value = edited.description ?? '';
		assignableByClient.value = edited.assignable_by_client;
		form.value = toGroupForm(edited.permissions);
	}

	const { loading, error, load } = useLoad(async (target: GroupToEdit) => {
		// Another group opened in the same editor starts without the last one's outcome.
		saved.value = false;
		saving.error.value = null;
		const id = 'id' in target ? target.id : target.copyOf;
		const response = await api.get<{ data: EditedGroup }>(`/items/portal_groups/${id}`, {
			params: { fields: groupFields },
		});
		if ('id' in target) return show(response.data.data);
		const taken = await api.get<{ data: { name: string }[] }>('/items/portal_groups', {
			params: { fields: ['name'], limit: -1 },
		});
		const from = target.draft ?? response.data.data;
		show({
			...from,
			id: null,
			is_system: false,
			name: copyName(
				from.name,
				taken.data.data.map((existing) => existing.name),
			),
		});
	});

	const saving = useAction(async (edited: EditedGroup) => {
		saved.value = false;
		const permissions = formToPermissions(form.value);
		const changes = {
			name: name.value,
			description: description.value || null,
			assignable_by_client: assignableByClient.value,
			permissions,
		};
		let id = edited.id;
		if (id === null) id = (await api.post<{ data: { id: number } }>('/items/portal_groups', changes)).data.data.id;
		else await api.patch(`/items/portal_groups/${id}`, changes);
		form.value = toGroupForm(permissions);
		group.value = { ...edited, ...changes, id };
		saved.value = true;
	});

	async function save(): Promise<boolean> {
		if (!group.value || readOnly.value) return false;
		return saving.run(group.value);
	}

	/** The group as the editor shows it, for a copy to start from. */
	function draft(): GroupDraft {
		return {
			name: name.value,
			description: description.value || null,
			assignable_by_client: assignableByClient.value,
			permissions: formToPermissions(form.value),
		};
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
		draft,
	};
}
