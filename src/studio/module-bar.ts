/**
 * The portal's entry in Directus's module bar (`directus_settings.module_bar`): Directus shows a module only
 * once it is listed there (empty on a fresh project, which means Directus's defaults).
 */
import { isDeepStrictEqual } from 'node:util';

export const moduleId = 'customer-portal';

export interface ModuleBarEntry {
	type: 'module' | 'link';
	id: string;
	enabled: boolean;
	[key: string]: unknown;
}

/** Directus 11's default module bar, used while the setting is empty. */
const directusDefaults: ModuleBarEntry[] = [
	{ type: 'module', id: 'content', enabled: true },
	{ type: 'module', id: 'visual', enabled: false },
	{ type: 'module', id: 'users', enabled: true },
	{ type: 'module', id: 'files', enabled: true },
	{ type: 'module', id: 'insights', enabled: true },
	{ type: 'module', id: 'deployments', enabled: false },
	{ type: 'link', id: 'docs', enabled: true, name: '$t:documentation', icon: 'help', url: 'https://docs.directus.io' },
	{ type: 'module', id: 'settings', enabled: true, locked: true },
];

/** The module bar with the portal's module in it, or null when it is already listed. */
export function withPortalModule(current: ModuleBarEntry[] | null): ModuleBarEntry[] | null {
	const bar = current ?? directusDefaults;
	if (bar.some((entry) => entry.type === 'module' && entry.id === moduleId)) return null;
	const entry: ModuleBarEntry = { type: 'module', id: moduleId, enabled: true };
	const settings = bar.findIndex((item) => item.id === 'settings');
	return settings < 0 ? [...bar, entry] : [...bar.slice(0, settings), entry, ...bar.slice(settings)];
}

/**
 * The module bar without the portal's module; `null` (Directus's defaults again) when what is left is exactly
 * the defaults the portal filled an empty setting with, so an uninstall leaves the setting as it found it.
 */
export function withoutPortalModule(current: ModuleBarEntry[]): ModuleBarEntry[] | null {
	const rest = current.filter((entry) => !(entry.type === 'module' && entry.id === moduleId));
	return isDeepStrictEqual(rest, directusDefaults) ? null : rest;
}
