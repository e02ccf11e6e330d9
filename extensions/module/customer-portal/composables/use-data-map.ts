import { useApi } from '@directus/extensions-sdk';
import { strings } from '../i18n/strings.ts';
import { forgetPortalMap } from './use-portal-api.ts';
import { computed, nextTick, ref, watch } from 'vue';
import type { AdoptedUsers } from '../../../../src/access/adopt-linked-users.ts';
import type { CompiledPermission } from '../../../../src/compiler/types.ts';
import type { DataMap } from '../../../../src/data-map/data-map.ts';
import type { DataMapAddition, DataMapProblem } from '../../../../src/data-map/data-map-problem.ts';
import type { RoleIndex } from '../../../../src/data-map/role-indexes.ts';
import type { SchemaFacts } from '../../../../src/data-map/schema-facts.ts';
import { type DataMapForm, dataMapFromForm, type ObjectEntry, toDataMapForm } from '../lib/data-map-form.ts';
import { dataMapRefusal } from '../lib/data-map-refusal.ts';
import { useAction } from './use-action.ts';
import { useLoad } from './use-load.ts';

/** The map the portal runs on, checked against the live schema, and what the editor offers (GET /portal/api/studio/data-map). */
export interface DataMapOverview {
	map: DataMap;
	/** Whether a map is stored; else the portal runs on the bundled help-desk collections. */
	stored: boolean;
	problems: DataMapProblem[];
	additions: DataMapAddition[];
	/** Columns the rules filter by that no index leads with: a save adds one of the portal's to each. */
	indexes: RoleIndex[];
	objects: ObjectEntry[];
	schema: SchemaFacts;
	/** The portal's own collections under their installed names: never offered as a team's. */
	productCollections: string[];
}

/** A compiled permission row of the preview, as the check returns it. */
export type PreviewRow = Pick<
	CompiledPermission,
	'collection' | 'action' | 'fields' | 'permissions' | 'validation' | 'capabilities'
>;

/** What a check said: the edited map's problems, or what the product would add and what the group compiles to. */
export type CheckOutcome =
	| { problems: DataMapProblem[] }
	| { problems: []; additions: DataMapAddition[]; indexes: RoleIndex[]; preview: PreviewRow[] };

interface GroupRow {
	id: number;
	name: string;
	is_system: boolean;
	permissions: Record<string, unknown> | null;
}

/**
 * The Data map page: the map the portal runs on and how it stands against the schema, a form to edit it,
 * checking the edited map for a group (changing nothing), and saving a map that fits. The server answers
 * only Directus admins.
 */
export function useDataMap() {
	const api = useApi();
	const overview = ref<DataMapOverview | null>(null);
	const form = ref<DataMapForm | null>(null);
	const groups = ref<GroupRow[]>([]);
	const group = ref<number | null>(null);
	const outcome = ref<CheckOutcome | null>(null);
	/** Whether the form or the group changed since the last check. */
	const changedSinceCheck = ref(false);

	const { loading, error, load } = useLoad(async () => {
		const [read, groupList] = await Promise.all([
			api.get<{ data: DataMapOverview }>('/portal/api/studio/data-map'),
			api.get<{ data: GroupRow[] }>('/items/portal_groups', {
				params: { fields: ['id', 'name', 'is_system', 'permissions'], sort: ['-is_system', 'name'], limit: -1 },
			}),
		]);
		overview.value = read.data.data;
		form.value = toDataMapForm(read.data.data.map, read.data.data.objects);
		groups.value = groupList.data.data;
		const administrator = groups.value.find((row) => row.is_system && row.name === 'Administrator');
		group.value = (administrator ?? groups.value[0])?.id ?? null;
		outcome.value = null;
	});

	/** The map the form stands for, as the check sends it. */
	const editedMap = computed(() =>
		form.value && overview.value ? dataMapFromForm(form.value, overview.value.objects) : null,
	);

	const checking = useAction(async () => {
		const map = editedMap.value;
		if (!map) return;
		const permissions = groups.value.find((row) => row.id === group.value)?.permissions;
		try {
			const response = await api.post<{
				data: { additions: DataMapAddition[]; indexes: RoleIndex[]; preview: PreviewRow[] };
			}>('/portal/api/studio/data-map/check', { map, ...(permissions ? { permissions } : {}) });
			outcome.value = { problems: [], ...response.data.data };
		} catch (caught) {
			const problems = dataMapRefusal(caught);
			if (!problems) throw caught;
			outcome.value = { problems };
		}
		changedSinceCheck.value = false;
	});

	/** Whether the last save worked (shown until the map is edited again). */
	const saved = ref(false);
	/** What the last save did to users its contacts link (see `adoptLinkedUsers`). */
	const savedUsers = ref<AdoptedUsers | null>(null);
	const saving = useAction(async () => {
		const map = editedMap.value;
		if (!map) return;
		saved.value = false;
		try {
			const response = await api.put<{ data: { users?: AdoptedUsers } }>('/portal/api/studio/data-map', { map });
			savedUsers.value = response.data.data.users ?? null;
		} catch (caught) {
			const problems = dataMapRefusal(caught);
			if (!problems) throw caught;
			// The schema changed since the check: the save was refused, and why is shown as a check's.
			outcome.value = { problems };
			return;
		}
		// The other pages read the team's collections under the names just saved.
		forgetPortalMap();
		await load();
		// After the watcher has seen the form the load put in place.
		await nextTick();
		saved.value = true;
	});

	watch(
		[form, group],
		() => {
			changedSinceCheck.value = true;
			saved.value = false;
		},
		{ deep: true },
	);

	const groupChoices = computed(() =>
		groups.value.map((row) => ({
			text: row.is_system ? strings.dataMap.systemGroup(row.name) : row.name,
			value: row.id,
		})),
	);

	return {
		overview,
		form,
		editedMap,
		group,
		groupChoices,
		outcome,
		changedSinceCheck,
		loading,
		error,
		load,
		checking: checking.running,
		checkError: checking.error,
		check: checking.run,
		saving: saving.running,
		saveError: saving.error,
		save: saving.run,
		saved,
		savedUsers,
	};
}
