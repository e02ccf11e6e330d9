import { PortalUserLinkError } from '../errors/portal-user-link-error.ts';
import { assertLinkableUser } from './assert-linkable-user.ts';
import { grantGroupToUser } from './grant-group-to-user.ts';
import { releasePortalUser } from './release-portal-user.ts';
import type { DirectusContext } from '../directus/directus-context.ts';
import type { ContactKey } from './contact-access-fields.ts';
import { planContactAccess } from './plan-contact-access.ts';
import type { PortalSettingsRecord } from './portal-records.ts';
import { readContactAccess } from './read-contact-access.ts';
import { fetchDataMap } from '../settings/fetch-data-map.ts';

export interface ContactUpdateOptions {
	keys: ContactKey[];
	/** The write's changes to the contacts' access, by role (see `byRole`). */
	changes: Record<string, unknown>;
	settings: PortalSettingsRecord & { portal_role: string };
	/** Where the caller's write cannot be refused by permissions (an admin, the product): apply the change at once. */
	applyNow: boolean;
	/** Told of each user the write unlinks from a contact, before anything is applied. */
	onUnlink: (contact: ContactKey, user: string) => void;
}

/**
 * Checks a pending update of contacts' access fields and, where `applyNow`, applies it to their users at
 * once. Returns the changes to write, by role: a group cleared becomes the default group, and a contact
 * without a group of its own gets the default stored once it has a login.
 */
export async function prepareContactUpdate(
	context: DirectusContext,
	{ keys, changes: payload, settings, applyNow, onUnlink }: ContactUpdateOptions,
): Promise<Record<string, unknown>> {
	const changes = { ...payload };
	const role = settings.portal_role;
	if (typeof changes['user'] === 'string' && keys.length > 1) {
		throw new PortalUserLinkError({
			reason: 'A Directus user can sign in as one contact only: link it to a single contact.',
		});
	}
	if ('portal_group' in changes && changes['portal_group'] === null) changes['portal_group'] = settings.default_group;
	const current = await readContactAccess(context.knex, (await fetchDataMap(context)).contacts, { keys });
	for (const contact of current) {
		const plan = planContactAccess(contact, changes, settings.default_group);
		if (plan.user) await assertLinkableUser(context, plan.user, role, plan.contact);
		if (plan.released) onUnlink(plan.contact, plan.released);
	}
	if (!applyNow) return changes;
	// Planned again per contact: a default group stored for one contact is the write's group for the next.
	for (const contact of current) {
		const plan = planContactAccess(contact, changes, settings.default_group);
		if (plan.released) await releasePortalUser(context, plan.released, role);
		if (plan.user && plan.group !== null) {
			if (plan.groupDefaulted) changes['portal_group'] = plan.group;
			await grantGroupToUser(context, plan.user, plan.group, plan.customer, role, plan.loginSuspended);
		}
	}
	return changes;
}
