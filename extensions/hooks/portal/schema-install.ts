/**
 * Installs or upgrades the product's schema when Directus starts (`app.before`: after extensions load,
 * before the server listens, in `directus start` only). Whatever happens, Directus itself starts: a failed
 * or refused install only keeps the portal closed, with the doctor saying why.
 */
import type { HookExtensionContext, RegisterFunctions } from '@directus/types';
import { collectionNamesVariable, formatCollectionNames } from '../../../src/install/collection-names.ts';
import { installProductSchema } from '../../../src/install/install-product-schema.ts';
import { bundleVersion } from '../../shared/bundle-version.ts';
import { installState } from '../../shared/install-state.ts';

export function registerSchemaInstall(
	{ init }: RegisterFunctions,
	{ services, database, logger, env }: HookExtensionContext,
): void {
	init('app.before', async () => {
		const started = Date.now();
		const outcome = await installProductSchema({
			services,
			knex: database,
			bundleVersion,
			requestedNames: env[collectionNamesVariable],
		});
		installState.outcome = outcome;
		const took = `${Date.now() - started} ms`;
		switch (outcome.status) {
			case 'installed': {
				const { applied, adopted, added, names, ignoredNames } = outcome;
				const renamed = formatCollectionNames(names);
				if (applied.length > 0 && renamed !== '')
					logger.info(`Customer Portal: the help desk's collections are created under the names chosen: ${renamed}.`);
				if (ignoredNames !== null)
					logger.warn(
						`Customer Portal: ${collectionNamesVariable} ("${ignoredNames}") is not what the help desk's collections were created under ("${renamed}"); they keep their names.`,
					);
				const made = [...added.collections, ...added.fields, ...added.relations].length;
				if (applied.length > 0) {
					const what = adopted
						? 'recorded the schema made by the release before 0.2 as version 1'
						: `applied schema version ${applied.join(', ')}`;
					logger.info(`Customer Portal: ${what} (${took}).`);
				}
				if (made > 0)
					logger.info(
						`Customer Portal: added what was missing of its schema: ${added.collections.length} collections, ${added.fields.length} fields, ${added.relations.length} relations (${took}).`,
					);
				if (applied.length === 0 && made === 0)
					logger.info(`Customer Portal: schema version ${outcome.version} in place (checked in ${took}).`);
				return;
			}
			case 'clash':
				logger.error(
					`Customer Portal: not installed, to leave your own work alone: ${outcome.names.join(', ')} already exist and are not the portal's. The portal stays closed; Directus runs as before.`,
				);
				return;
			case 'invalid-names':
				logger.error(
					`Customer Portal: not installed: ${collectionNamesVariable} cannot be read (${outcome.problem}). The portal stays closed; Directus runs as before.`,
				);
				return;
			case 'newer':
				logger.error(
					`Customer Portal: the database holds the portal's schema version ${outcome.databaseVersion}, newer than this bundle (${bundleVersion}); the portal stays closed.`,
				);
				return;
			case 'unsupported':
				logger.error(
					`Customer Portal: needs SQLite or PostgreSQL, not "${outcome.client}"; nothing installed, the portal stays closed.`,
				);
				return;
			case 'failed':
				logger.error(
					`Customer Portal: the schema install failed and was rolled back (${outcome.error}); the portal stays closed and the install runs again at the next start.`,
				);
		}
	});
}
