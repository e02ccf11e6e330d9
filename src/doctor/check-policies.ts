import { permissionRowContent } from '../policies/permission-row-content.ts';
import { permissionRowKey } from '../policies/permission-row-key.ts';
import type { PermissionRow } from '../policies/sync-group-policy.ts';
import { systemPermissionViolation } from '../policies/system-permissions.ts';
import type { Finding } from './finding.ts';

export interface StoredPolicy {
	id: string;
	name: string;
	admin_access: boolean;
	app_access: boolean;
	permissions: PermissionRow[];
}

/** Findings about what the product manages, which it can put right itself (see restoreManagedPolicies). */
export function isManagedPolicyFinding(finding: Finding): boolean {
	return /^(policy-(access|extra|changed):|badge-grants:|badge-stray$|badge-paths$|group-access-(excess|missing)$)/.test(
		finding.id,
	);
}

/**
 * A customer badge that grants anything gives it to all of its customer's contacts; one held by anyone but
 * an active portal user of its customer (or by a role) lets them see that customer's records. The
 * product's own changes never leave either for longer than a request; the doctor's repair puts both right,
 * and brings in line the tree paths of badges whose customer moved in the database behind Directus's back.
 */
export function checkBadges(granting: StoredPolicy[], stray: number, stalePaths: number): Finding[] {
	const findings: Finding[] = granting.map((policy) => ({
		id: `badge-grants:${policy.id}`,
		severity: 'critical',
		problem: `The customer badge "${policy.name}" grants ${grantsInWords(policy)}: every portal contact of that customer holds it.`,
		fix: 'The portal empties it at its next check. Never give a "Portal badge" policy permissions: change the portal group instead.',
	}));
	if (stray > 0) {
		findings.push({
			id: 'badge-stray',
			severity: 'critical',
			problem: `${stray} customer badge attachment${stray === 1 ? '' : 's'} ("Portal badge: …" policies) reach a role, or a user who is not an active portal contact of that customer.`,
			fix: 'The portal detaches them at its next check. Never attach a "Portal badge" policy by hand: change the contact’s customer or portal group instead.',
		});
	}
	if (stalePaths > 0) {
		// Fails closed (a stale path matches nothing), so a warning: the portal stays open while it is put right.
		findings.push({
			id: 'badge-paths',
			severity: 'warning',
			problem: `${stalePaths} customer badge${stalePaths === 1 ? ' carries' : 's carry'} an old place in the customer tree (a customer was moved straight in the database): the contacts of ${stalePaths === 1 ? 'that customer' : 'those customers'} whose group reaches "the customers below" see nothing of them meanwhile.`,
			fix: 'The portal brings the badges in line at its next check; nothing to do. Move customers through Directus to have it at once.',
		});
	}
	return findings;
}

/**
 * A portal group's policy held where no contact asks for it (the user of a suspended contact, of a contact
 * in another group, the portal role) gives that group's reach to someone who should not have it; one
 * missing shows an active contact nothing. The doctor's repair brings both in line with the contacts.
 */
export function checkGroupAccess(excess: number, missing: number): Finding[] {
	const findings: Finding[] = [];
	if (excess > 0) {
		findings.push({
			id: 'group-access-excess',
			severity: 'critical',
			problem: `${excess} portal group polic${excess === 1 ? 'y is' : 'ies are'} attached where no contact asks for ${excess === 1 ? 'it' : 'them'}: to the login of a suspended contact or of a contact in another group, or to the portal role.`,
			fix: 'The portal takes them away at its next check. Give or take portal access through the contact (its group, its login), never by attaching policies by hand.',
		});
	}
	if (missing > 0) {
		// Fails closed (the contact sees nothing), so a warning: the portal stays open while it is put right.
		findings.push({
			id: 'group-access-missing',
			severity: 'warning',
			problem: `${missing} contact${missing === 1 ? '' : 's'} with an active login ${missing === 1 ? 'lacks its' : 'lack their'} group’s policy and ${missing === 1 ? 'sees' : 'see'} nothing in the portal meanwhile.`,
			fix: 'The portal gives it back at its next check; nothing to do.',
		});
	}
	return findings;
}

/**
 * A policy the product manages must hold exactly what it compiles to: any other row, or a row changed
 * by hand in the studio, could widen what contacts or visitors reach.
 */
export function checkManagedPolicy(policy: StoredPolicy, expected: PermissionRow[]): Finding[] {
	const findings: Finding[] = [];
	if (policy.admin_access || policy.app_access) {
		findings.push({
			id: `policy-access:${policy.id}`,
			severity: 'critical',
			problem: `The policy "${policy.name}" gives ${policy.admin_access ? 'admin' : 'studio'} access.`,
			fix: 'Switch off "Admin Access" and "App Access" on it; the portal will also reset it at its next start.',
		});
	}
	const wanted = new Map(expected.map((row) => [permissionRowKey(row), row]));
	for (const row of policy.permissions) {
		const expectedRow = wanted.get(permissionRowKey(row));
		if (!expectedRow) {
			findings.push({
				id: `policy-extra:${policy.id}:${permissionRowKey(row)}`,
				severity: 'critical',
				problem: `The policy "${policy.name}" allows ${row.action} on ${row.collection}, which no portal setting asks for.`,
				fix: `Remove that permission from "${policy.name}" (change the portal group or settings instead).`,
			});
		} else if (permissionRowContent(row) !== permissionRowContent(expectedRow)) {
			findings.push({
				id: `policy-changed:${policy.id}:${permissionRowKey(row)}`,
				severity: 'critical',
				problem: `The ${row.action} permission on ${row.collection} in "${policy.name}" was changed outside the portal.`,
				fix: `Save the portal group (or restart Directus) to restore it, and change the group rather than its policy.`,
			});
		}
	}
	return findings;
}

/** Any other policy that reaches portal users or visitors must grant nothing at all. */
export function checkForeignPolicy(
	policy: StoredPolicy,
	reaches: 'portal users' | 'visitors who are not signed in',
): Finding[] {
	if (policy.permissions.length === 0 && !policy.admin_access && !policy.app_access) return [];
	return [
		{
			id: `policy-foreign:${policy.id}`,
			severity: 'critical',
			problem: `The policy "${policy.name}" reaches ${reaches} and grants ${grantsInWords(policy)} the portal does not control.`,
			fix: `Detach "${policy.name}" from ${reaches === 'portal users' ? 'the Portal contacts role and portal users' : 'public access'}, or empty it.`,
		},
	];
}

/**
 * Whatever the portal compiled or someone changed, a portal or public policy holds nothing on Directus's
 * own collections beyond the allowlist (`src/policies/system-permissions.ts`). A second, independent line:
 * it also catches a row the compiler itself would emit wrongly, which restoring cannot put right.
 */
export function checkSystemPermissions(policy: StoredPolicy, audience: 'portal' | 'public'): Finding[] {
	const findings: Finding[] = [];
	for (const row of policy.permissions) {
		const violation = systemPermissionViolation(
			{
				...row,
				permissions: row.permissions ?? null,
				validation: row.validation ?? null,
				presets: row.presets ?? null,
			},
			audience,
		);
		if (violation === null) continue;
		findings.push({
			id: `policy-system:${policy.id}:${permissionRowKey(row)}`,
			severity: 'critical',
			problem: `The policy "${policy.name}" is outside the portal’s allowlist for Directus’s own collections: ${violation}.`,
			fix: `Remove or narrow that permission on "${policy.name}"; portal users may hold only their own user row and the files of attachments they see.`,
		});
	}
	return findings;
}

/** What a policy grants, in the words of a finding. */
function grantsInWords(policy: StoredPolicy): string {
	if (policy.admin_access) return 'admin access';
	if (policy.app_access) return 'studio access';
	return `${policy.permissions.length} permission${policy.permissions.length === 1 ? '' : 's'}`;
}
