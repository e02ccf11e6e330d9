import { describe, expect, test } from 'vitest';
import { checkEnvironment } from '../../../src/doctor/check-environment.ts';
import { checkHost } from '../../../src/doctor/check-host.ts';
import { checkSchema } from '../../../src/doctor/check-schema.ts';
import {
	checkBadges,
	checkForeignPolicy,
	checkGroupAccess,
	checkManagedPolicy,
	checkSystemPermissions,
	isManagedPolicyFinding,
	type StoredPolicy,
} from '../../../src/doctor/check-policies.ts';
import { isPortalOpen } from '../../../src/doctor/run-doctor.ts';
import type { PermissionRow } from '../../../src/policies/sync-group-policy.ts';

const safe = { WEBSOCKETS_ENABLED: false, CACHE_ENABLED: false, IP_TRUST_PROXY: false, LOGIN_STALL_TIME: 1500 };

describe('checkEnvironment', () => {
	test('Finds nothing in the configuration the portal recommends', () => {
		expect(checkEnvironment(safe)).toEqual([]);
	});

	test('Refuses WebSockets with public auth, and the data cache even with purging', () => {
		const findings = checkEnvironment({
			...safe,
			WEBSOCKETS_ENABLED: true,
			WEBSOCKETS_REST_ENABLED: true,
			WEBSOCKETS_REST_AUTH: 'public',
			WEBSOCKETS_GRAPHQL_ENABLED: true,
			WEBSOCKETS_GRAPHQL_AUTH: 'strict',
			CACHE_ENABLED: true,
			CACHE_AUTO_PURGE: true,
		});
		expect(findings.map((finding) => [finding.id, finding.severity])).toEqual([
			['websockets-rest-public-auth', 'critical'],
			['data-cache-on', 'critical'],
		]);
		expect(findings[0]?.fix).toBe(
			'Set WEBSOCKETS_REST_AUTH to "handshake" or "strict", or WEBSOCKETS_ENABLED to false.',
		);
	});

	test('Warns when a failed sign-in is not delayed long enough to hide whether the address is known', () => {
		expect(
			checkEnvironment({ ...safe, LOGIN_STALL_TIME: 500 }).map((finding) => [finding.id, finding.severity]),
		).toEqual([['login-stall-time', 'warning']]);
		expect(
			checkEnvironment({ WEBSOCKETS_ENABLED: false, CACHE_ENABLED: false, IP_TRUST_PROXY: false }).map(
				(finding) => finding.id,
			),
		).toEqual(['login-stall-time']);
	});

	test('Asks for a delay that covers the password check of the configured hash cost', () => {
		const stallFinding = (env: Record<string, unknown>) =>
			checkEnvironment({ ...safe, ...env }).find((finding) => finding.id === 'login-stall-time')?.fix;
		// Twice argon2's default memory: twice the default minimum.
		expect(stallFinding({ HASH_MEMORY_COST: 131_072, LOGIN_STALL_TIME: 1500 })).toBe(
			"Set LOGIN_STALL_TIME to 2000 or more (the portal's own setup uses 1500).",
		);
		// A 48th of the default cost (4 MiB, one pass) still needs the least delay.
		expect(stallFinding({ HASH_MEMORY_COST: 4096, HASH_TIME_COST: 1, LOGIN_STALL_TIME: 200 })).toBeUndefined();
		expect(stallFinding({ HASH_MEMORY_COST: 4096, HASH_TIME_COST: 1, LOGIN_STALL_TIME: 50 })).toBe(
			"Set LOGIN_STALL_TIME to 100 or more (the portal's own setup uses 1500).",
		);
		expect(stallFinding({ HASH_MEMORY_COST: 'lots', LOGIN_STALL_TIME: 900 })).toBe(
			"Set LOGIN_STALL_TIME to 1000 or more (the portal's own setup uses 1500).",
		);
	});

	test('Warns about a trusted proxy header, without closing the portal', () => {
		const findings = checkEnvironment({ ...safe, IP_TRUST_PROXY: true });
		expect(findings.map((finding) => finding.severity)).toEqual(['warning']);
		expect(isPortalOpen(findings)).toBe(true);
	});
});

describe('checkHost', () => {
	test('Accepts Directus 11 and refuses any other or unknown version', () => {
		expect(checkHost('11.17.4', { public_registration: false })).toEqual([]);
		expect(checkHost('12.4.1', { public_registration: false }).map((finding) => finding.id)).toEqual(['host-version']);
		expect(checkHost(null, { public_registration: false }).map((finding) => finding.severity)).toEqual(['critical']);
	});

	test('Refuses Directus\u2019s own public registration', () => {
		expect(checkHost('11.17.4', { public_registration: true }).map((finding) => finding.id)).toEqual([
			'public-registration',
		]);
	});
});

describe('Policies', () => {
	const row = (collection: string, overrides: Partial<PermissionRow> = {}): PermissionRow => ({
		collection,
		action: 'read',
		fields: ['id'],
		permissions: { a: 1, b: 2 },
		validation: null,
		presets: null,
		...overrides,
	});
	const policy = (permissions: PermissionRow[], flags: Partial<StoredPolicy> = {}): StoredPolicy => ({
		id: 'p',
		name: 'Portal group: Basic',
		admin_access: false,
		app_access: false,
		permissions,
		...flags,
	});

	test('A managed policy that holds exactly its compiled rows is fine, whatever order the database kept keys in', () => {
		expect(checkManagedPolicy(policy([row('tickets', { permissions: { b: 2, a: 1 } })]), [row('tickets')])).toEqual([]);
	});

	test('Finds rows added or changed by hand, and studio or admin access', () => {
		const findings = checkManagedPolicy(
			policy([row('tickets', { permissions: null }), row('directus_shares')], { app_access: true }),
			[row('tickets')],
		);
		expect(findings.map((finding) => finding.id)).toEqual([
			'policy-access:p',
			'policy-changed:p:tickets:read',
			'policy-extra:p:directus_shares:read',
		]);
		expect(isPortalOpen(findings)).toBe(false);
	});

	test('Any other policy reaching portal users or visitors must grant nothing', () => {
		expect(checkForeignPolicy(policy([]), 'portal users')).toEqual([]);
		expect(
			checkForeignPolicy(policy([row('tickets')], { name: 'Public' }), 'visitors who are not signed in')[0]?.problem,
		).toBe(
			'The policy "Public" reaches visitors who are not signed in and grants 1 permission the portal does not control.',
		);
	});

	test('Customer badges: one that grants or reaches too much closes the portal, a stale tree path only warns; the portal repairs all three', () => {
		expect(checkBadges([], 0, 0)).toEqual([]);
		const findings = checkBadges([policy([row('tickets')], { id: 'b', name: 'Portal badge: Acme' })], 2, 3);
		expect(findings.map((finding) => [finding.id, finding.severity])).toEqual([
			['badge-grants:b', 'critical'],
			['badge-stray', 'critical'],
			['badge-paths', 'warning'],
		]);
		expect(findings.every(isManagedPolicyFinding)).toBe(true);
		expect(isPortalOpen(checkBadges([], 0, 1))).toBe(true);
		expect(checkBadges([], 0, 1)[0]?.problem).toMatch(/^1 customer badge carries an old place/);
	});

	test('Group policies: one held where no contact asks for it closes the portal, one missing only warns; the portal repairs both', () => {
		expect(checkGroupAccess(0, 0)).toEqual([]);
		const findings = checkGroupAccess(2, 1);
		expect(findings.map((finding) => [finding.id, finding.severity])).toEqual([
			['group-access-excess', 'critical'],
			['group-access-missing', 'warning'],
		]);
		expect(findings.every(isManagedPolicyFinding)).toBe(true);
		expect(isPortalOpen(checkGroupAccess(0, 3))).toBe(true);
		expect(checkGroupAccess(1, 0)[0]?.problem).toMatch(
			/^1 portal group policy is attached where no contact asks for it/,
		);
		expect(checkGroupAccess(0, 2)[0]?.problem).toMatch(/^2 contacts with an active login lack their group’s policy/);
	});
});

describe('checkSystemPermissions', () => {
	const row = (
		collection: string,
		action: PermissionRow['action'],
		overrides: Partial<PermissionRow> = {},
	): PermissionRow => ({
		collection,
		action,
		fields: ['id'],
		permissions: { id: { _eq: '$CURRENT_USER' } },
		validation: null,
		presets: null,
		...overrides,
	});
	const policy = (permissions: PermissionRow[]): StoredPolicy => ({
		id: 'p',
		name: 'Portal group: Basic',
		admin_access: false,
		app_access: false,
		permissions,
	});

	test('Accepts what the allowlist allows', () => {
		expect(
			checkSystemPermissions(
				policy([row('directus_users', 'read'), row('tickets', 'read', { permissions: null })]),
				'portal',
			),
		).toEqual([]);
	});

	test('GHSA-7h45-q5jx-7r87: a share permission on a portal policy closes the portal, and says why', () => {
		const findings = checkSystemPermissions(
			policy([row('directus_shares', 'update', { permissions: null })]),
			'portal',
		);
		expect(findings.map((finding) => [finding.id, finding.severity])).toEqual([
			['policy-system:p:directus_shares:update', 'critical'],
		]);
		expect(findings[0]?.problem).toBe(
			'The policy "Portal group: Basic" is outside the portal’s allowlist for Directus’s own collections: portal users get no update on directus_shares (a user who may update a share can raise it to admin (GHSA-7h45-q5jx-7r87)).',
		);
		expect(isPortalOpen(findings)).toBe(false);
	});

	test('Finds a widened field list on the user row, and any system row on the public policy', () => {
		expect(
			checkSystemPermissions(policy([row('directus_users', 'read', { fields: ['id', 'password'] })]), 'portal').map(
				(finding) => finding.id,
			),
		).toEqual(['policy-system:p:directus_users:read']);
		expect(
			checkSystemPermissions(policy([row('directus_users', 'read')]), 'public').map((finding) => finding.id),
		).toEqual(['policy-system:p:directus_users:read']);
	});
});

describe('checkSchema', () => {
	test('Closes the portal while a column the rules read is missing, and names it', () => {
		expect(checkSchema([])).toEqual([]);
		const [finding] = checkSchema(['customers.tree_path']);
		expect([finding?.id, finding?.severity]).toEqual(['schema-outdated', 'critical']);
		expect(finding?.problem).toBe(
			'Part of the help-desk schema this version of the portal reads is missing: customers.tree_path.',
		);
	});
});
