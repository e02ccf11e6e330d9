import { capabilities, type Capability, findCapability, type GroupPermissions } from '../catalogue/capabilities.ts';

/** One thing wrong with a group's `permissions`, in words a member of staff can act on. */
export type PermissionProblem = string;

/**
 * Checks a group's `permissions` as sent by a client: an object whose keys are catalogue keys and whose
 * values fit each capability. Returns every problem found, so one error can list them all.
 */
export function findPermissionProblems(input: unknown): PermissionProblem[] {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		return ['"permissions" must be an object keyed by capability, such as {"tickets.view": "own"}.'];
	}
	const problems: PermissionProblem[] = [];
	for (const [key, value] of Object.entries(input)) {
		const capability = findCapability(key);
		if (!capability) {
			problems.push(`"${key}" is not a portal capability.`);
			continue;
		}
		const problem = findValueProblem(capability, value);
		if (problem) problems.push(problem);
	}
	return problems;
}

function findValueProblem(capability: Capability, value: unknown): PermissionProblem | null {
	switch (capability.kind) {
		case 'flag':
			return typeof value === 'boolean' ? null : `"${capability.key}" must be true or false.`;
		case 'choice':
			return typeof value === 'string' && capability.values.includes(value)
				? null
				: `"${capability.key}" must be one of ${capability.values.map((choice) => `"${choice}"`).join(', ')}.`;
		case 'fields':
			return Array.isArray(value) &&
				value.every((item) => typeof item === 'string' && capability.values.includes(item)) &&
				new Set(value).size === value.length
				? null
				: `"${capability.key}" must be a list of distinct fields among ${capability.values.map((field) => `"${field}"`).join(', ')}.`;
	}
}

const scopeOrder = ['none', 'own', 'customer', 'customer_tree'] as const;

function grantsSomething(value: unknown): boolean {
	return value !== undefined && value !== 'none' && value !== false && !(Array.isArray(value) && value.length === 0);
}

/**
 * Fills in every capability a group left out with the value that grants nothing, then applies the
 * catalogue's dependencies: a capability that `requires` another grants nothing while that one grants
 * nothing, and `tickets.edit` never reaches wider than `tickets.view`. The input must be free of
 * problems (see `findPermissionProblems`).
 */
export function normalizeGroupPermissions(input: Record<string, unknown>): GroupPermissions {
	const normalized: Record<string, unknown> = {};
	for (const capability of capabilities as readonly Capability[]) {
		const given = input[capability.key];
		normalized[capability.key] = given ?? defaultValue(capability);
	}
	// Catalogue order puts every capability after the one it requires, so one pass settles chains.
	for (const capability of capabilities as readonly Capability[]) {
		if (capability.requires && !grantsSomething(normalized[capability.requires])) {
			normalized[capability.key] = defaultValue(capability);
		}
	}
	const view = scopeOrder.indexOf(normalized['tickets.view'] as (typeof scopeOrder)[number]);
	const edit = scopeOrder.indexOf(normalized['tickets.edit'] as (typeof scopeOrder)[number]);
	if (edit > view) normalized['tickets.edit'] = normalized['tickets.view'];
	return normalized as GroupPermissions;
}

function defaultValue(capability: Capability): unknown {
	if (capability.kind === 'flag') return false;
	if (capability.kind === 'fields') return [];
	return capability.values[0];
}

/** True when the group lets its contacts sign in and see or do anything at all. */
export function grantsPortalAccess(permissions: GroupPermissions): boolean {
	return Object.values(permissions).some(grantsSomething);
}
