/**
 * Puts the studio module in Directus's module bar: Directus shows a module only once it is listed in
 * `directus_settings.module_bar` (empty on a fresh project, which means Directus's defaults). At start-up,
 * the module is added, enabled, before Settings when it is not listed; an entry staff switched off stays off.
 */
import type { HookExtensionContext, RegisterFunctions } from '@directus/types';
import { type ModuleBarEntry, withPortalModule } from '../../../src/studio/module-bar.ts';

export function registerModuleBar(
	{ init }: RegisterFunctions,
	{ services, getSchema, database, logger }: HookExtensionContext,
): void {
	init('app.after', async () => {
		try {
			const settings = new services.SettingsService({
				knex: database,
				schema: await getSchema({ database }),
				accountability: null,
			});
			const row = (await settings.readSingleton({ fields: ['module_bar'] })) as {
				module_bar?: ModuleBarEntry[] | null;
			};
			const next = withPortalModule(row.module_bar ?? null);
			if (next) await settings.upsertSingleton({ module_bar: next });
		} catch (error) {
			logger.error(error, 'Customer Portal: could not add the studio module to the module bar');
		}
	});
}
