/**
 * The group editor's form: every capability present, which ones are switched off because what they
 * require grants nothing, and the permissions to save. The server validates and compiles; this only
 * keeps the form honest about what a choice will mean.
 */
import { capabilities, type Capability } from '../../../../src/catalogue/capabilities.ts';
import { normalizeGroupPermissions } from '../../../../src/groups/normalize-group-permissions.ts';
import { strings } from '../i18n/strings.ts';

export type CapabilityValue = string | boolean | string[];
export type GroupForm = Record<string, CapabilityValue>;

const ticketScopeOrder = ['none', 'own', 'customer', 'customer_tree'];

export function grantsSomething(value: CapabilityValue | undefined): boolean {
	return value !== undefined && value !== 'none' && value !== false && !(Array.isArray(value) && value.length === 0);
}

/** A group's stored permissions as a complete form: keys left out take the value that grants nothing. */
export function toGroupForm(permissions: Record<string, unknown> | null | undefined): GroupForm {
	const form: GroupForm = {};
	for (const capability of capabilities as readonly Capability[]) {
		const given = permissions?.[capability.key];
		form[capability.key] = isValue(capability, given) ? cloneValue(given) : emptyValue(capability);
	}
	return form;
}

/** Capabilities the editor shows disabled: what they require grants nothing (transitively). */
export function disabledCapabilities(form: GroupForm, catalogue: readonly Capability[] = capabilities): Set<string> {
	const disabled = new Set<string>();
	// Catalogue order puts every capability after the one it requires.
	for (const capability of catalogue) {
		if (!capability.requires) continue;
		if (disabled.has(capability.requires) || !grantsSomething(form[capability.requires])) disabled.add(capability.key);
	}
	return disabled;
}

/** Choices of a choice capability that the server would clamp away (tickets.edit wider than tickets.view). */
export function disabledChoices(form: GroupForm, capability: Capability): Set<string> {
	if (capability.key !== 'tickets.edit' || capability.kind !== 'choice') return new Set();
	const view = ticketScopeOrder.indexOf(String(form['tickets.view']));
	return new Set(capability.values.filter((value) => ticketScopeOrder.indexOf(value) > view));
}

/** What the editor saves: the form as the server will normalise it, so what staff see is what is stored. */
export function formToPermissions(form: GroupForm): Record<string, CapabilityValue> {
	return normalizeGroupPermissions(form) as unknown as Record<string, CapabilityValue>;
}

/** The name of a copy: "Copy of Basic", then "Copy of Basic (2)" … among the names already taken (in the studio's words). */
export function copyName(name: string, taken: readonly string[]): string {
	const base = strings.groups.copyName(name);
	if (!taken.includes(base)) return base;
	for (let n = 2; ; n++) {
		const candidate = `${base} (${n})`;
		if (!taken.includes(candidate)) return candidate;
	}
}

function isValue(capability: Capability, value: unknown): value is CapabilityValue {
	if (capability.kind === 'flag') return typeof value === 'boolean';
	if (capability.kind === 'fields')
		return Array.isArray(value) && value.every((item) => typeof item === 'string' && capability.values.includes(item));
	return typeof value === 'string' && capability.values.includes(value);
}

function emptyValue(capability: Capability): CapabilityValue {
	if (capability.kind === 'flag') return false;
	if (capability.kind === 'fields') return [];
	return capability.values[0] ?? 'none';
}

function cloneValue(value: CapabilityValue): CapabilityValue {
	return Array.isArray(value) ? [...value] : value;
}
