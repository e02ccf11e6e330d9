import { adminService, type DirectusContext } from '../directus/directus-context.ts';
import type { CompileOptions } from '../compiler/types.ts';
import { syncGroupPolicy } from './sync-group-policy.ts';

/** Compiles every portal group's policy again, as after a change to the settings every group compiles with. */
export async function recompileGroupPolicies(context: DirectusContext, options: CompileOptions): Promise<void> {
	const groups = (await adminService(context, 'portal_groups').readByQuery({ fields: ['id'], limit: -1 })) as {
		id: number;
	}[];
	for (const group of groups) await syncGroupPolicy(context, group.id, options);
}
