import type { GroupPermissions } from '../catalogue/capabilities.ts';
import { InvalidGroupPermissionsError } from '../errors/invalid-group-permissions-error.ts';
import { findPermissionProblems, normalizeGroupPermissions } from './normalize-group-permissions.ts';

/** Returns the normalized permissions, or throws a 400 that lists every problem with the input. */
export function assertGroupPermissions(input: unknown): GroupPermissions {
	const problems = findPermissionProblems(input);
	if (problems.length > 0) throw new InvalidGroupPermissionsError({ problems });
	return normalizeGroupPermissions(input as Record<string, unknown>);
}
