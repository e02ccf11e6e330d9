/**
 * The "Portal public" policy, attached to Directus's public access: what visitors who have not signed
 * in may read. Exactly what `portal_settings.access_mode` asks for and nothing more — in public mode,
 * published knowledge-base articles meant for everyone, in the collection the data map names; in
 * registered-only mode, or without a knowledge base, nothing.
 */
import type { PortalSettingsRecord } from '../access/portal-records.ts';
import { fieldsOf, isInState } from '../compiler/mapped-fields.ts';
import type { DataMap } from '../data-map/data-map.ts';
import { type DirectusContext, systemService } from '../directus/directus-context.ts';
import { createManagedPolicy } from './create-managed-policy.ts';
import { type PermissionRow, reconcilePermissions } from './sync-group-policy.ts';

export function publicPermissions(mode: PortalSettingsRecord['access_mode'], map: DataMap): PermissionRow[] {
	const articles = map.kb_articles;
	if (mode !== 'public' || articles === null) return [];
	return [
		{
			collection: articles.collection,
			action: 'read',
			fields: fieldsOf(articles, ['id', 'title', 'body', 'date_created', 'date_updated']),
			permissions: {
				_and: [isInState(articles, 'status', ['published']), isInState(articles, 'audience', ['all'])],
			},
			validation: null,
			presets: null,
		},
	];
}

export async function writePublicPolicy(
	context: DirectusContext,
	existing: string | null,
	mode: PortalSettingsRecord['access_mode'],
	map: DataMap,
): Promise<string> {
	const policy =
		existing ??
		(await createManagedPolicy(context, {
			name: 'Portal public',
			icon: 'public',
			description:
				'What visitors who are not signed in may read, following the portal’s access mode. Managed by Customer Portal.',
		}));
	const access = systemService(context, 'AccessService');
	const attached = await access.readByQuery({
		filter: { policy: { _eq: policy }, role: { _null: true }, user: { _null: true } },
		fields: ['id'],
		limit: 1,
	});
	if (attached.length === 0) await access.createOne({ role: null, user: null, policy });
	await reconcilePermissions(context, policy, publicPermissions(mode, map));
	return policy;
}
