import type { PortalGroupRecord } from './portal-records.ts';
import { adminService, type DirectusContext } from '../directus/directus-context.ts';

/** The policies of every portal group: the only policies the product ever attaches to a user. */
export async function fetchGroupPolicies(context: DirectusContext): Promise<string[]> {
	const groups = (await adminService(context, 'portal_groups').readByQuery({
		fields: ['policy'],
		filter: { policy: { _nnull: true } },
		limit: -1,
	})) as Pick<PortalGroupRecord, 'policy'>[];
	return groups.map((group) => group.policy).filter((policy): policy is string => policy !== null);
}
