/**
 * A visitor never undoes what staff decided. Two routes can set up a login without anyone signed in: self
 * sign-up, and the login a public request's confirmation offers; both ask this first.
 */
import { adminService, type DirectusContext } from '../directus/directus-context.ts';
import type { PortalGroupRecord, PortalSettingsRecord } from '../access/portal-records.ts';
import { assertGroupPermissions } from '../groups/assert-group-permissions.ts';
import { isGroupWithin } from '../groups/is-group-within.ts';
import type { InvitableContact } from '../invitations/invitation-records.ts';
import { findCustomerByDomain } from './find-customer-by-domain.ts';

/**
 * Why a visitor writing from `email` may not be sent a link that sets up a login for `contact`, or null when
 * they may. They may only when
 * - self sign-up is on, and the address's domain is listed by the contact's own customer (and no other:
 *   `findCustomerByDomain`), so that a public request gives no more than a sign-up would;
 * - the contact's latest invitation, if any, was not withdrawn: a revoked invitation (by staff, or by a
 *   client administrator) stays revoked until someone signed in invites the contact again;
 * - the contact's group grants nothing beyond the default group (`isGroupWithin`): a contact staff put in a
 *   bigger group gets that login from staff, never from a visitor.
 * The reason is for the log and the audit trail; the visitor is told none of it.
 */
export async function findVisitorLoginObstacle(
	context: DirectusContext,
	{ contact, email, settings }: { contact: InvitableContact; email: string; settings: PortalSettingsRecord },
): Promise<string | null> {
	if (settings.self_signup !== 'matching_domain') return 'self sign-up is off';
	if ((await findCustomerByDomain(context, email)) !== contact.customer)
		return "the address's domain is not listed by the contact's customer alone";
	const latest = (await context
		.knex('portal_invitations')
		.select('revoked_at')
		.where('contact', contact.id)
		.orderBy('id', 'desc')
		.first()) as { revoked_at: unknown } | undefined;
	if (latest?.revoked_at) return 'its invitation was revoked';
	if (contact.portal_group === null || contact.portal_group === settings.default_group) return null;
	if (settings.default_group === null) return 'there is no default group';
	const groups = (await adminService(context, 'portal_groups').readByQuery({
		filter: { id: { _in: [contact.portal_group, settings.default_group] } },
		fields: ['id', 'permissions'],
		limit: -1,
	})) as Pick<PortalGroupRecord, 'id' | 'permissions'>[];
	const permissionsOf = (id: number) =>
		assertGroupPermissions(groups.find((group) => group.id === id)?.permissions ?? {});
	return isGroupWithin(permissionsOf(contact.portal_group), permissionsOf(settings.default_group))
		? null
		: 'its group grants more than the default group';
}
