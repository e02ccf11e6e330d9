import { DefaultGroupInUseError } from '../errors/default-group-in-use-error.ts';
import { PortalGroupInUseError } from '../errors/portal-group-in-use-error.ts';
import { SystemGroupReadOnlyError } from '../errors/system-group-read-only-error.ts';
import type { DirectusContext } from '../directus/directus-context.ts';
import { fieldOf } from '../compiler/mapped-fields.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';
import type { PortalGroupRecord } from './portal-records.ts';

/** Refuses to delete a system group, a group that contacts are in, or the default group. */
export async function assertGroupsDeletable(
	context: Pick<DirectusContext, 'knex'>,
	{ groups, defaultGroup }: { groups: PortalGroupRecord[]; defaultGroup: number | null },
): Promise<void> {
	const system = groups.find((group) => group.is_system);
	if (system) throw new SystemGroupReadOnlyError({ group: system.name });
	const map = (await fetchDataMap(context)).contacts;
	for (const group of groups) {
		const contacts = Number(
			(
				await context.knex(map.collection).where(fieldOf(map, 'portal_group'), group.id).count({ count: '*' }).first()
			)?.['count'] ?? 0,
		);
		if (contacts > 0) throw new PortalGroupInUseError({ group: group.name, contacts });
	}
	const fallback = groups.find((group) => group.id === defaultGroup);
	if (fallback) throw new DefaultGroupInUseError({ group: fallback.name });
}
