/**
 * The allowlist of what portal users and visitors may hold on Directus's own `directus_*` collections,
 * one row per permission with the reason it exists. Nothing else, ever: Directus 11 has known holes in
 * how several system collections check permissions (shares raised to admin, version save and revert
 * skipping checks, file import reaching internal addresses), so the portal keeps contacts away from them
 * altogether. The group compiler takes its system rows from here, and the portal doctor refuses any
 * row on a portal or public policy that this list does not allow — one source for both.
 */
import type { PermissionAction } from '../compiler/types.ts';
import { currentUser } from '../compiler/variables.ts';
import { type Filter } from '../compiler/types.ts';

export interface SystemPermission {
	collection: string;
	action: PermissionAction;
	/** The most fields the row may list; the compiler may list fewer. Never `*`. */
	fields: readonly string[];
	/** Whether a stored row's item filter is the one this permission allows. */
	allowsFilter(filter: Filter | null): boolean;
	reason: string;
}

/** On `directus_users`: the signed-in user's own row. */
export const ownUserRow: Filter = { id: { _eq: currentUser } };

/** The o2m aliases the product adds to `directus_files`; a file is readable only through one of them. */
export const attachmentAliases = ['ticket_attachments', 'project_attachments'] as const;

const isOwnUserRow = (filter: Filter | null) => JSON.stringify(filter) === JSON.stringify(ownUserRow);

/** A filter that reaches a file only through an attachment row: every branch starts at an attachment alias. */
function isThroughAttachments(filter: Filter | null): boolean {
	if (filter === null) return false;
	const keys = Object.keys(filter);
	if (keys.length !== 1) return false;
	const [key] = keys as [string];
	const value = filter[key];
	if (key === '_or')
		return (
			Array.isArray(value) &&
			value.length > 0 &&
			value.every((branch) => typeof branch === 'object' && branch !== null && isThroughAttachments(branch as Filter))
		);
	return (
		(attachmentAliases as readonly string[]).includes(key) &&
		typeof value === 'object' &&
		value !== null &&
		Object.keys(value).length > 0
	);
}

/** Portal users' system permissions. Visitors who are not signed in get none at all. */
export const portalSystemPermissions: readonly SystemPermission[] = [
	{
		collection: 'directus_users',
		action: 'read',
		fields: ['id', 'first_name', 'last_name', 'email', 'language', 'status'],
		allowsFilter: isOwnUserRow,
		reason:
			'Their own user row, so the portal can show who is signed in. An explicit list: never password, token, tfa_secret, role, policies, provider or auth_data, and nobody else’s row.',
	},
	{
		collection: 'directus_users',
		action: 'update',
		fields: ['first_name', 'last_name', 'language'],
		allowsFilter: isOwnUserRow,
		reason:
			'Their own language (every group), and with profile.edit their own name. Phone lives on the contact; the avatar is not offered (it would let them point at any file id). E-mail, password, role, status, tfa and token change only through the portal’s own routes or staff.',
	},
	{
		collection: 'directus_files',
		action: 'read',
		fields: [
			'id',
			'title',
			'type',
			'filesize',
			'filename_download',
			'width',
			'height',
			'uploaded_on',
			...attachmentAliases,
		],
		allowsFilter: isThroughAttachments,
		reason:
			'tickets.attachments / projects.attachments: files only through an attachment row they may read (also what /assets checks). Never filename_disk, storage, uploaded_by or folder; no create or update — uploads go through the portal’s upload route (GHSA-j5h6-vqc3-phqh).',
	},
];

/**
 * Directus's collections contacts get nothing on, with why; `directus_users` and `directus_files` are
 * limited to the rows above. Kept for the doctor's messages, the tests and the README.
 */
export const deniedSystemCollections: Readonly<Record<string, string>> = {
	directus_shares: 'a user who may update a share can raise it to admin (GHSA-7h45-q5jx-7r87)',
	directus_access: 'attaches policies to users and roles',
	directus_policies: 'defines what anyone may do',
	directus_permissions: 'defines what anyone may do',
	directus_roles: 'defines what anyone may do',
	directus_presets: 'presets can be reassigned to other users',
	directus_revisions: 'revert writes without the usual guards (#28142)',
	directus_activity: 'records what staff and other customers did',
	directus_comments: 'staff comments on any item',
	directus_notifications: 'staff notifications',
	directus_versions: 'version save and promote skip permission checks (#26748, #28229)',
	directus_flows: 'flows run operations as admin (#28142)',
	directus_operations: 'flows run operations as admin (#28142)',
	directus_settings: 'the project’s configuration',
	directus_extensions: 'installing and switching extensions',
	directus_folders: 'the file library’s structure; uploads are pinned to the portal’s folder',
	directus_dashboards: 'staff insights',
	directus_panels: 'staff insights',
	directus_translations: 'the studio’s translations',
	directus_collections: 'the schema',
	directus_fields: 'the schema',
	directus_relations: 'the schema',
	directus_webhooks: 'outgoing requests as the server',
	directus_sessions: 'other users’ sessions',
	directus_migrations: 'the database’s migrations',
};

export const isSystemCollection = (collection: string) => collection.startsWith('directus_');

export function findSystemPermission(collection: string, action: string): SystemPermission | undefined {
	return portalSystemPermissions.find(
		(permission) => permission.collection === collection && permission.action === action,
	);
}

export interface SystemPermissionRow {
	collection: string;
	action: string;
	fields: string[] | null;
	permissions: Filter | null;
	validation: Filter | null;
	presets: Record<string, unknown> | null;
}

/**
 * Why a permission row on a portal policy (`audience: 'portal'`) or the public policy falls outside the
 * allowlist, in words; null when it is allowed or is not on a system collection.
 */
export function systemPermissionViolation(row: SystemPermissionRow, audience: 'portal' | 'public'): string | null {
	if (!isSystemCollection(row.collection)) return null;
	const what = `${row.action} on ${row.collection}`;
	if (audience === 'public')
		return `visitors who are not signed in get nothing on Directus’s own collections, but this allows ${what}`;
	const allowed = findSystemPermission(row.collection, row.action);
	if (!allowed) {
		const denied = deniedSystemCollections[row.collection];
		return `portal users get no ${what}${denied ? ` (${denied})` : ''}`;
	}
	const extra = (row.fields ?? []).filter((field) => !allowed.fields.includes(field));
	if (extra.length > 0) return `${what} may list only ${allowed.fields.join(', ')}, not ${extra.join(', ')}`;
	if (!allowed.allowsFilter(row.permissions)) return `${what} has an item filter other than the one the portal allows`;
	if (row.validation !== null || row.presets !== null) return `${what} may have no validation or presets`;
	return null;
}
