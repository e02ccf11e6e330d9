import { itemKey } from '../data-map/item-key.ts';
import { assertLinkableUser } from './assert-linkable-user.ts';
import { grantGroupToUser } from './grant-group-to-user.ts';
import type { DirectusContext } from '../directus/directus-context.ts';
import type { PortalSettingsRecord } from './portal-records.ts';

/**
 * Checks a new contact's login and fills in the default group; where `applyNow` (an admin's or the
 * product's write, inside its transaction), grants the group to the user at once. Returns the contact to write.
 */
export async function prepareContactCreate(
	context: DirectusContext,
	{
		contact: payload,
		settings,
		applyNow,
	}: { contact: Record<string, unknown>; settings: PortalSettingsRecord; applyNow: boolean },
): Promise<Record<string, unknown>> {
	const contact = { ...payload };
	const user = contact['user'];
	if (typeof user !== 'string' || !settings.portal_role) return contact;
	await assertLinkableUser(context, user, settings.portal_role, null);
	contact['portal_group'] ??= settings.default_group;
	if (applyNow && typeof contact['portal_group'] === 'number') {
		await grantGroupToUser(
			context,
			user,
			contact['portal_group'],
			itemKey(contact['customer']),
			settings.portal_role,
			contact['login_suspended'] === true,
		);
	}
	return contact;
}
