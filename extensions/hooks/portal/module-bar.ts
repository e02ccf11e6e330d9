/**
 * Puts the studio module in Directus's module bar: Directus shows a module only once it is listed in
 * `directus_settings.module_bar` (empty on a fresh project, which means Directus's defaults). At start-up,
 * the module is added, enabled, before Settings when it is not listed; an entry staff switched off stays off.
 */
import type { HookExtensionContext, RegisterFunctions } from '@directus/types';

export const moduleId = 'customer-portal';

interface ModuleBarEntry {
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

export function registerModuleBar({ init }: RegisterFunctions, { services, getSchema, database, logger }: HookExtensionContext): void {
	init('app.after', async () => {
		try {
			const settings = new services.SettingsService({ knex: database, schema: await getSchema({ database }), accountability: null });
			const row = (await settings.readSingleton({ fields: ['module_bar'] })) as { module_bar?: ModuleBarEntry[] | null };
			const next = withPortalModule(row.module_bar ?? null);
			if (next) await settings.upsertSingleton({ module_bar: next });
		} catch (error) {
			logger.error(error, 'Customer Portal: could not add the studio module to the module bar');
		}
	});
}
