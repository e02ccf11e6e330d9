import { useApi } from '@directus/extensions-sdk';
import { ref } from 'vue';
import type { StaffNameStyle } from '../../../../src/conversation/staff-display-name.ts';
import { useAction } from './use-action.ts';
import { useLoad } from './use-load.ts';

export interface EditablePortalSettings {
	access_mode: 'registered_only' | 'public';
	parent_visibility: boolean;
	default_group: number | null;
	invite_ttl_hours: number;
	self_signup: 'off' | 'matching_domain';
	staff_names: StaffNameStyle;
	notify_role: string | null;
	portal_name: string | null;
	accent_color: string | null;
}

const fields: (keyof EditablePortalSettings)[] = [
	'access_mode',
	'parent_visibility',
	'default_group',
	'invite_ttl_hours',
	'self_signup',
	'staff_names',
	'notify_role',
	'portal_name',
	'accent_color',
];

/** The portal_settings singleton, as far as staff may change it. */
export function usePortalSettings() {
	const api = useApi();
	const settings = ref<EditablePortalSettings | null>(null);
	const groups = ref<{ text: string; value: number }[]>([]);
	/** The staff groups (Directus roles) that may be told of contacts' words; never the portal's own role. */
	const staffRoles = ref<{ text: string; value: string }[]>([]);
	const saved = ref(false);

	const { loading, error, load } = useLoad(async () => {
		const [row, groupList, roleList, portal] = await Promise.all([
			api.get<{ data: EditablePortalSettings }>('/items/portal_settings', { params: { fields } }),
			api.get<{ data: { id: number; name: string }[] }>('/items/portal_groups', {
				params: { fields: ['id', 'name'], sort: ['name'], limit: -1 },
			}),
			api.get<{ data: { id: string; name: string }[] }>('/roles', {
				params: { fields: ['id', 'name'], sort: ['name'], limit: -1 },
			}),
			api.get<{ data: { portal_role: string | null } }>('/items/portal_settings', {
				params: { fields: ['portal_role'] },
			}),
		]);
		settings.value = row.data.data;
		groups.value = groupList.data.data.map((group) => ({ text: group.name, value: group.id }));
		staffRoles.value = roleList.data.data
			.filter((role) => role.id !== portal.data.data.portal_role)
			.map((role) => ({ text: role.name, value: role.id }));
	});

	const saving = useAction(async (edited: EditablePortalSettings) => {
		saved.value = false;
		const changes = {
			...edited,
			portal_name: edited.portal_name || null,
			accent_color: edited.accent_color || null,
			invite_ttl_hours: Number(edited.invite_ttl_hours),
		};
		await api.patch('/items/portal_settings', changes);
		saved.value = true;
	});

	async function save(): Promise<void> {
		if (settings.value) await saving.run(settings.value);
	}

	/** Where contacts sign in: the portal beside this studio (`<PUBLIC_URL>/portal/`). */
	const portalUrl = `${window.location.href.split('/admin')[0]}/portal/`;

	return {
		settings,
		groups,
		staffRoles,
		loading,
		error,
		saving: saving.running,
		saveError: saving.error,
		saved,
		portalUrl,
		load,
		save,
	};
}
