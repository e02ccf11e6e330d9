import { restoreGroupAccess } from '../access/restore-group-access.ts';
import { reconcileCustomerBadges } from '../badges/reconcile-customer-badges.ts';
import { adminService, type DirectusContext } from '../directus/directus-context.ts';
import { fetchPortalSettings } from '../settings/fetch-portal-settings.ts';
import { writePublicPolicy } from './public-policy.ts';
import { writeStaffPolicy } from './staff-policy.ts';
import { syncGroupPolicy } from './sync-group-policy.ts';
import { compileOptionsOf } from '../settings/compile-options-of.ts';
import { dataMapOf } from '../settings/data-map-of.ts';

/**
 * Puts every policy the product manages back to what the portal's groups and settings compile to:
 * undoes permissions added or changed by hand, gives group policies and customer badges to exactly the
 * portal users their contacts ask for, and settles any mismatch seen while another instance was part-way through a recompile.
 * Idempotent and safe to run at any time.
 */
export async function restoreManagedPolicies(context: DirectusContext): Promise<void> {
	const settings = await fetchPortalSettings(context);
	const groups = (await adminService(context, 'portal_groups').readByQuery({ fields: ['id'], limit: -1 })) as {
		id: number;
	}[];
	for (const group of groups) await syncGroupPolicy(context, group.id, compileOptionsOf(settings));
	const map = dataMapOf(settings);
	if (settings.public_policy) await writePublicPolicy(context, settings.public_policy, settings.access_mode, map);
	// Staff read and manage the customers and contacts of the map the portal runs on.
	if (settings.staff_policy) await writeStaffPolicy(context, settings.staff_policy, map);
	// Group access first: who is entitled to a badge follows from it. Badges are reconciled even if a user could not be.
	const groupAccess = settings.portal_role
		? await restoreGroupAccess(context, {
				portalRole: settings.portal_role,
				defaultGroup: settings.default_group,
			}).catch((error: unknown) => error)
		: undefined;
	await reconcileCustomerBadges(context);
	if (groupAccess) throw groupAccess;
}
