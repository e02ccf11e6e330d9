/**
 * The access model's normalisation of a group's stored permissions (docs/access-model.md, top), written
 * from the specification and the catalogue only: the leak oracle must not share a line with the
 * product's compiler, or a shared mistake would go unnoticed.
 */
import {
	capabilities,
	type Capability,
	type GroupPermissions,
	type TicketScope,
	ticketScopes,
} from '../../src/catalogue/capabilities.ts';

/** A capability value that grants nothing: 'none', false or []. */
export function grantsNothing(value: unknown): boolean {
	return value === 'none' || value === false || (Array.isArray(value) && value.length === 0);
}

/** The stored value if the catalogue knows it, else the capability's default (first value / false / []). */
function readValue(capability: Capability, stored: unknown): unknown {
	switch (capability.kind) {
		case 'flag':
			return stored === true;
		case 'choice':
			return typeof stored === 'string' && capability.values.includes(stored) ? stored : capability.values[0];
		case 'fields':
			return Array.isArray(stored)
				? [
						...new Set(
							stored.filter((value): value is string => typeof value === 'string' && capability.values.includes(value)),
						),
					]
				: [];
	}
}

function off(capability: Capability): unknown {
	switch (capability.kind) {
		case 'flag':
			return false;
		case 'choice':
			return capability.values[0];
		case 'fields':
			return [];
	}
}

/**
 * Every capability with its effective value: keys left out take their default; a capability whose
 * `requires` grants nothing grants nothing; tickets.edit is clamped to tickets.view; devices.scope is
 * 'none' while devices.access is 'none' (a `requires` in the catalogue).
 */
export function normalisePermissions(stored: Record<string, unknown> | null | undefined): GroupPermissions {
	const catalogue = capabilities as readonly Capability[];
	const raw = new Map<string, unknown>(
		catalogue.map((capability) => [capability.key, readValue(capability, stored?.[capability.key])]),
	);
	const effective = new Map<string, unknown>();
	const resolve = (key: string, seen: readonly string[]): unknown => {
		if (effective.has(key)) return effective.get(key);
		const capability = catalogue.find((candidate) => candidate.key === key);
		if (!capability) return false;
		let value = raw.get(key);
		if (capability.requires && !seen.includes(key) && grantsNothing(resolve(capability.requires, [...seen, key])))
			value = off(capability);
		effective.set(key, value);
		return value;
	};
	for (const capability of catalogue) resolve(capability.key, []);

	const rank = (scope: unknown): number => ticketScopes.indexOf(scope as TicketScope);
	const view = effective.get('tickets.view');
	if (rank(effective.get('tickets.edit')) > rank(view)) effective.set('tickets.edit', view);
	if (effective.get('devices.access') === 'none') effective.set('devices.scope', 'none');

	return Object.fromEntries(effective) as GroupPermissions;
}

/** The capabilities that grant something, as `key=value` words: what a difference report shows. */
export function describePermissions(permissions: GroupPermissions): string {
	const granted = Object.entries(permissions)
		.filter(([, value]) => !grantsNothing(value))
		.map(([key, value]) => (value === true ? key : `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`));
	return granted.length === 0 ? '(nothing)' : granted.join(' ');
}

/** A group whose (normalised) permissions grant nothing at all: its contacts cannot sign in, like "No Portal Access". */
export function groupGrantsNothing(permissions: GroupPermissions): boolean {
	return Object.values(permissions).every(grantsNothing);
}
