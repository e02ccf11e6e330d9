import type { DirectusContext } from '../directus/directus-context.ts';
import { applyGroupLocked } from './apply-group-locked.ts';
import { withUserLocked } from './with-user-locked.ts';
import type { ItemKey } from '../data-map/item-key.ts';

/**
 * Puts a linked user under the portal role with its group's policy and its customer's badge. The user is
 * suspended, and holds neither, exactly while the group grants nothing or the contact's login is
 * suspended, and active again once neither holds; an invited user stays invited, holding neither, until
 * it accepts (see `linkedUserState`). A contact without a customer gets no badge: every customer rule
 * then denies.
 */
export async function grantGroupToUser(
	context: DirectusContext,
	userId: string,
	groupId: number,
	customerId: ItemKey | null,
	portalRole: string,
	loginSuspended: boolean,
): Promise<void> {
	await withUserLocked(context, userId, (locked) =>
		applyGroupLocked(locked, userId, groupId, customerId, portalRole, loginSuspended),
	);
}
