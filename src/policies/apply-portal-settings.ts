import type { DirectusContext } from '../directus/directus-context.ts';
import type { PortalSettingsRecord } from '../access/portal-records.ts';
import { writePublicPolicy } from './public-policy.ts';
import { recompileGroupPolicies } from './recompile-group-policies.ts';
import { compileOptionsOf } from '../settings/compile-options-of.ts';
import { dataMapOf } from '../settings/data-map-of.ts';

/** Applies the settings that shape policies: parent visibility (every group) and the access mode (the public policy). */
export async function applyPortalSettings(
	context: DirectusContext,
	{ changed, settings }: { changed: Record<string, unknown>; settings: PortalSettingsRecord },
): Promise<void> {
	if ('parent_visibility' in changed) await recompileGroupPolicies(context, compileOptionsOf(settings));
	if ('access_mode' in changed)
		await writePublicPolicy(context, settings.public_policy, settings.access_mode, dataMapOf(settings));
}
