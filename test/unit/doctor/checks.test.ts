import { describe, expect, test } from 'vitest';
import { checkEnvironment } from '../../../src/doctor/check-environment.ts';
import { checkHost } from '../../../src/doctor/check-host.ts';
import { checkForeignPolicy, checkManagedPolicy, type StoredPolicy } from '../../../src/doctor/check-policies.ts';
import { isPortalOpen } from '../../../src/doctor/run-doctor.ts';
import type { PermissionRow } from '../../../src/access/sync-group-policy.ts';

const safe = { WEBSOCKETS_ENABLED: false, CACHE_ENABLED: false, IP_TRUST_PROXY: false };

describe('checkEnvironment', () => {
	test('Finds nothing in the configuration the portal recommends', () => {
		expect(checkEnvironment(safe)).toEqual([]);
	});

	test('Refuses WebSockets with public auth, and a cache without purge', () => {
		const findings = checkEnvironment({ ...safe, WEBSOCKETS_ENABLED: true, WEBSOCKETS_REST_ENABLED: true, WEBSOCKETS_REST_AUTH: 'public', WEBSOCKETS_GRAPHQL_ENABLED: true, WEBSOCKETS_GRAPHQL_AUTH: 'strict', CACHE_ENABLED: true, CACHE_AUTO_PURGE: false });
		expect(findings.map((finding) => [finding.id, finding.severity])).toEqual([
			['websockets-rest-public-auth', 'critical'],
			['cache-without-purge', 'critical'],
		]);
		expect(findings[0]?.fix).toBe('Set WEBSOCKETS_REST_AUTH to "handshake" or "strict", or WEBSOCKETS_ENABLED to false.');
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
		expect(checkHost('11.17.4', { public_registration: true }).map((finding) => finding.id)).toEqual(['public-registration']);
	});
});

describe('Policies', () => {
	const row = (collection: string, overrides: Partial<PermissionRow> = {}): PermissionRow => ({ collection, action: 'read', fields: ['id'], permissions: { a: 1, b: 2 }, validation: null, presets: null, ...overrides });
	const policy = (permissions: PermissionRow[], flags: Partial<StoredPolicy> = {}): StoredPolicy => ({ id: 'p', name: 'Portal group: Basic', admin_access: false, app_access: false, permissions, ...flags });

	test('A managed policy that holds exactly its compiled rows is fine, whatever order the database kept keys in', () => {
		expect(checkManagedPolicy(policy([row('tickets', { permissions: { b: 2, a: 1 } })]), [row('tickets')])).toEqual([]);
	});

	test('Finds rows added or changed by hand, and studio or admin access', () => {
		const findings = checkManagedPolicy(policy([row('tickets', { permissions: null }), row('directus_shares')], { app_access: true }), [row('tickets')]);
		expect(findings.map((finding) => finding.id)).toEqual(['policy-access:p', 'policy-changed:p:tickets:read', 'policy-extra:p:directus_shares:read']);
		expect(isPortalOpen(findings)).toBe(false);
	});

	test('Any other policy reaching portal users or visitors must grant nothing', () => {
		expect(checkForeignPolicy(policy([]), 'portal users')).toEqual([]);
		expect(checkForeignPolicy(policy([row('tickets')], { name: 'Public' }), 'visitors who are not signed in')[0]?.problem).toBe(
			'The policy "Public" reaches visitors who are not signed in and grants 1 permission the portal does not control.',
		);
	});
});
