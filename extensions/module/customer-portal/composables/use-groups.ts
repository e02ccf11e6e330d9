import { usePortalApi } from './use-portal-api.ts';
import { ref } from 'vue';
import { useLoad } from './use-load.ts';

export interface GroupSummary {
	id: number;
	name: string;
	description: string | null;
	is_system: boolean;
	assignable_by_client: boolean;
	permissions: Record<string, unknown> | null;
	members: number;
	isDefault: boolean;
}

interface CountRow {
	portal_group: number | null;
	count: { id: number | string };
}

/** Portal groups with how many contacts with a login are in each (a contact with no group is in the default group). */
export function useGroups() {
	const api = usePortalApi();
	const groups = ref<GroupSummary[]>([]);

	const { loading, error, load } = useLoad(async () => {
		const [rows, counts, settings] = await Promise.all([
			api.get<{ data: Omit<GroupSummary, 'members' | 'isDefault'>[] }>('/items/portal_groups', {
				params: {
					fields: ['id', 'name', 'description', 'is_system', 'assignable_by_client', 'permissions'],
					sort: ['-is_system', 'name'],
					limit: -1,
				},
			}),
			api.get<{ data: CountRow[] }>('/items/contacts', {
				params: { aggregate: { count: 'id' }, groupBy: ['portal_group'], filter: { user: { _nnull: true } } },
			}),
			api.get<{ data: { default_group: number | null } | null }>('/items/portal_settings', {
				params: { fields: ['default_group'] },
			}),
		]);
		const defaultGroup = settings.data.data?.default_group ?? null;
		const members = new Map<number | null, number>();
		for (const row of counts.data.data) {
			const group = row.portal_group === null ? defaultGroup : Number(row.portal_group);
			members.set(group, (members.get(group) ?? 0) + Number(row.count.id));
		}
		groups.value = rows.data.data.map((group) => ({
			...group,
			members: members.get(group.id) ?? 0,
			isDefault: group.id === defaultGroup,
		}));
	});

	async function remove(id: number): Promise<void> {
		await api.delete(`/items/portal_groups/${id}`);
	}

	return { groups, loading, error, load, remove };
}
