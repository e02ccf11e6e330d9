import { describe, expect, test } from 'vitest';
import { capabilities, type GroupPermissions } from '../../../src/catalogue/capabilities.ts';
import { compileGroup } from '../../../src/compiler/compile-group.ts';
import { publicPermissions } from '../../../src/policies/public-policy.ts';
import { bundledDataMap } from '../../../src/data-map/data-map.ts';
import {
	deniedSystemCollections,
	portalSystemPermissions,
	type SystemPermissionRow,
	systemPermissionViolation,
} from '../../../src/policies/system-permissions.ts';
import { normalizeGroupPermissions } from '../../../src/groups/normalize-group-permissions.ts';
import { systemGroups } from '../../../src/groups/system-groups.ts';
import { Random } from '../../support/random.ts';

const row = (
	collection: string,
	action: string,
	overrides: Partial<SystemPermissionRow> = {},
): SystemPermissionRow => ({
	collection,
	action,
	fields: ['id'],
	permissions: { id: { _eq: '$CURRENT_USER' } },
	validation: null,
	presets: null,
	...overrides,
});

/** A random group: each capability set to a random value of its own. */
function randomGroup(random: Random): GroupPermissions {
	const permissions: Record<string, unknown> = {};
	for (const capability of capabilities) {
		if (capability.kind === 'flag') permissions[capability.key] = random.chance(0.5);
		else if (capability.kind === 'choice') permissions[capability.key] = random.pick(capability.values);
		else permissions[capability.key] = capability.values.filter(() => random.chance(0.5));
	}
	return normalizeGroupPermissions(permissions);
}

describe('The system-permission allowlist', () => {
	test('Gives every row a reason and an explicit field list, never "*"', () => {
		for (const permission of portalSystemPermissions) {
			expect(permission.reason.length).toBeGreaterThan(20);
			expect(permission.fields).not.toContain('*');
		}
	});

	test('Allows reading only their own user row, without secrets, and updating only name and language', () => {
		const read = portalSystemPermissions.find(
			(permission) => permission.collection === 'directus_users' && permission.action === 'read',
		);
		expect(read?.fields).toEqual(['id', 'first_name', 'last_name', 'email', 'language', 'status']);
		const update = portalSystemPermissions.find(
			(permission) => permission.collection === 'directus_users' && permission.action === 'update',
		);
		expect(update?.fields).toEqual(['first_name', 'last_name', 'language']);
		expect(portalSystemPermissions.map((permission) => `${permission.collection}:${permission.action}`)).toEqual([
			'directus_users:read',
			'directus_users:update',
			'directus_files:read',
		]);
	});

	test('Every group the compiler can make stays inside the allowlist (system groups and 500 random ones)', () => {
		const random = new Random(20_261_129);
		const groups = [
			...systemGroups.map((group) => normalizeGroupPermissions(group.permissions)),
			...Array.from({ length: 500 }, () => randomGroup(random)),
		];
		for (const group of groups) {
			for (const parentVisibility of [true, false]) {
				for (const compiled of compileGroup(group, { parentVisibility }))
					expect(systemPermissionViolation(compiled, 'portal'), `${compiled.collection}:${compiled.action}`).toBeNull();
			}
		}
	});

	test('The public policy holds nothing on system collections in either access mode', () => {
		for (const mode of ['public', 'registered_only'] as const) {
			for (const permission of publicPermissions(mode, bundledDataMap()))
				expect(systemPermissionViolation(permission, 'public')).toBeNull();
		}
		expect(systemPermissionViolation(row('directus_users', 'read'), 'public')).toMatch(
			/visitors who are not signed in get nothing/,
		);
	});

	test('GHSA-7h45-q5jx-7r87: refuses any permission on directus_shares, with the advisory in the reason', () => {
		for (const action of ['create', 'read', 'update', 'delete'])
			expect(systemPermissionViolation(row('directus_shares', action, { permissions: null }), 'portal')).toMatch(
				/GHSA-7h45-q5jx-7r87/,
			);
	});

	test('GHSA-j5h6-vqc3-phqh: refuses create or update on directus_files', () => {
		expect(systemPermissionViolation(row('directus_files', 'create', { permissions: null }), 'portal')).toBe(
			'portal users get no create on directus_files',
		);
		expect(
			systemPermissionViolation(
				row('directus_files', 'update', { permissions: { ticket_attachments: { id: { _nnull: true } } } }),
				'portal',
			),
		).toBe('portal users get no update on directus_files');
	});

	test('Refuses every collection it lists as denied, on every action', () => {
		for (const collection of Object.keys(deniedSystemCollections)) {
			for (const action of ['create', 'read', 'update', 'delete'])
				expect(systemPermissionViolation(row(collection, action), 'portal')).not.toBeNull();
		}
	});

	test('Refuses a wider field list, another user\u2019s rows, presets and a file filter that does not go through attachments', () => {
		expect(systemPermissionViolation(row('directus_users', 'read', { fields: ['id', 'token'] }), 'portal')).toBe(
			'read on directus_users may list only id, first_name, last_name, email, language, status, not token',
		);
		expect(systemPermissionViolation(row('directus_users', 'update', { fields: ['*'] }), 'portal')).toMatch(/not \*/);
		expect(systemPermissionViolation(row('directus_users', 'update', { fields: ['role'] }), 'portal')).toMatch(
			/not role/,
		);
		expect(systemPermissionViolation(row('directus_users', 'read', { permissions: null }), 'portal')).toMatch(
			/item filter other than/,
		);
		expect(
			systemPermissionViolation(
				row('directus_users', 'read', { permissions: { status: { _eq: 'active' } } }),
				'portal',
			),
		).toMatch(/item filter other than/);
		expect(
			systemPermissionViolation(
				row('directus_users', 'update', { fields: ['first_name'], presets: { role: 'x' } }),
				'portal',
			),
		).toMatch(/no validation or presets/);
		const file = (permissions: SystemPermissionRow['permissions']) =>
			systemPermissionViolation(row('directus_files', 'read', { permissions }), 'portal');
		expect(file({ ticket_attachments: { is_public: { _eq: true } } })).toBeNull();
		expect(
			file({
				_or: [
					{ ticket_attachments: { is_public: { _eq: true } } },
					{ project_attachments: { is_public: { _eq: true } } },
				],
			}),
		).toBeNull();
		expect(file({})).not.toBeNull();
		expect(
			file({ _or: [{ ticket_attachments: { is_public: { _eq: true } } }, { uploaded_by: { _eq: '$CURRENT_USER' } }] }),
		).not.toBeNull();
		expect(file({ ticket_attachments: {} })).not.toBeNull();
	});

	test('Leaves the product\u2019s own collections to the managed-policy check', () => {
		expect(systemPermissionViolation(row('tickets', 'delete'), 'portal')).toBeNull();
	});
});
