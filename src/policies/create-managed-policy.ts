import { type DirectusContext, systemService } from '../directus/directus-context.ts';

/** Creates a policy the product manages: never admin access, studio access only when asked for. */
export async function createManagedPolicy(
	context: DirectusContext,
	fields: { name: string; icon: string; description: string; app_access?: boolean },
): Promise<string> {
	const policies = systemService(context, 'PoliciesService');
	return String(
		await policies.createOne({
			app_access: false,
			...fields,
			admin_access: false,
			enforce_tfa: false,
			ip_access: null,
		}),
	);
}
