/**
 * The "Portal staff" policy: what staff who run the portal need in the studio without being Directus
 * admins — portal groups and settings, contacts' portal fields, invitations and the audit log. Attach it
 * to a role or user in the studio. The product's endpoints accept its holders as staff.
 */
import { inboxListFields } from '../inbound/inbox.ts';
import { outboxListFields } from '../mail/outbox-records.ts';
import type { Accountability } from '@directus/types';
import { fieldsOf } from '../compiler/mapped-fields.ts';
import type { DataMap, ObjectMap } from '../data-map/data-map.ts';
import { type ObjectSpec, objectSpecs, type RoleSpec } from '../data-map/object-specs.ts';
import type { DirectusContext } from '../directus/directus-context.ts';
import { createManagedPolicy } from './create-managed-policy.ts';
import { type PermissionRow, reconcilePermissions } from './sync-group-policy.ts';

const all = (collection: string, action: PermissionRow['action'], fields: string[] = ['*']): PermissionRow => ({
	collection,
	action,
	fields,
	permissions: null,
	validation: null,
	presets: null,
});

/**
 * What staff read of customers or contacts: all of the bundled collection, the portal's own; of a team's own
 * collection only the fields that play a role (it may hold what the team shows no portal staff).
 */
function readableByStaff(object: ObjectMap, spec: ObjectSpec): string[] {
	if (object.collection === spec.bundled) return ['*'];
	return (Object.entries(spec.roles) as [string, RoleSpec][]).flatMap(([role, roleSpec]) => {
		const field = (object.fields as Record<string, string | null>)[role] ?? null;
		// The alias listing a user's contacts lives on directus_users, not on the collection.
		return field === null || (roleSpec.kind === 'o2m' && roleSpec.on) ? [] : [field.split('.')[0] as string];
	});
}

/** On the customers and contacts the data map names. */
export const staffPermissions = (map: DataMap): PermissionRow[] => [
	all('portal_groups', 'read'),
	all('portal_groups', 'create', ['name', 'description', 'assignable_by_client', 'permissions']),
	all('portal_groups', 'update', ['name', 'description', 'assignable_by_client', 'permissions']),
	all('portal_groups', 'delete'),
	all('portal_settings', 'read'),
	all('portal_settings', 'update', [
		'portal_name',
		'accent_color',
		'access_mode',
		'parent_visibility',
		'invite_ttl_hours',
		'self_signup',
		'staff_names',
		'notify_role',
		'default_group',
		'unassigned_customer',
	]),
	all('portal_invitations', 'read', [
		'id',
		'contact',
		'expires_at',
		'last_sent_at',
		'sent_count',
		'accepted_at',
		'revoked_at',
		'invited_by',
		'date_created',
	]),
	all('portal_audit', 'read'),
	// What the portal mailed; a sealed sign-in link is no one's to read.
	all('portal_outbox', 'read', [...outboxListFields, 'body_text', 'body_html']),
	all('portal_inbox', 'read', [...inboxListFields]),
	all(map.customers.collection, 'read', readableByStaff(map.customers, objectSpecs.customers)),
	all(map.customers.collection, 'update', fieldsOf(map.customers, ['visible_to_parent', 'email_domains'])),
	all(map.contacts.collection, 'read', readableByStaff(map.contacts, objectSpecs.contacts)),
	all(map.contacts.collection, 'update', fieldsOf(map.contacts, ['portal_group', 'login_suspended'])),
	all('directus_users', 'read', ['id', 'email', 'first_name', 'last_name', 'status', 'role', 'last_access']),
	// To choose the staff group told of contacts' words (the settings' `notify_role`).
	all('directus_roles', 'read', ['id', 'name', 'parent']),
];

export const staffPolicyName = 'Portal staff';

export async function writeStaffPolicy(
	context: DirectusContext,
	existing: string | null,
	map: DataMap,
): Promise<string> {
	const policy =
		existing ??
		(await createManagedPolicy(context, {
			name: staffPolicyName,
			icon: 'support_agent',
			description:
				'Manage the customer portal: groups, settings, contacts’ portal access and invitations. Managed by Customer Portal.',
			app_access: true,
		}));
	await reconcilePermissions(context, policy, staffPermissions(map));
	return policy;
}

/** Admins, and users who hold the Portal staff policy themselves or through one of their roles. */
export async function isPortalStaff(
	context: Pick<DirectusContext, 'knex'>,
	accountability: Accountability | null | undefined,
	staffPolicy: string | null,
): Promise<boolean> {
	if (!accountability?.user) return false;
	if (accountability.admin) return true;
	if (!staffPolicy) return false;
	const roles = accountability.roles ?? (accountability.role ? [accountability.role] : []);
	const row = await context
		.knex('directus_access')
		.select('id')
		.where('policy', staffPolicy)
		.andWhere((query) => {
			query.where('user', accountability.user);
			if (roles.length > 0) query.orWhereIn('role', roles);
		})
		.first();
	return row !== undefined;
}
