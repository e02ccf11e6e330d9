/**
 * Installs or upgrades the product's schema on the Directus it runs in, at every start, before any request:
 * one transaction (an install killed half-way leaves nothing behind and runs again at the next start),
 * under a lock held in the database (a second instance starting at the same time waits, then finds it
 * done). It only adds what the product owns: where a name it needs is taken by something that is not
 * the product's, it installs nothing and says so.
 */
import type { ExtensionsServices, Snapshot } from '@directus/types';
import type { Knex } from 'knex';
import { databaseDialect } from '../database/database-dialect.ts';
import type { DataMap } from '../data-map/data-map.ts';
import type { Finding } from '../doctor/finding.ts';
import { addMissingSchema, installerAccountability, type SchemaAdditions } from './add-missing-schema.ts';
import {
	bundledDataMapUnder,
	type CollectionNames,
	collectionNamesVariable,
	formatCollectionNames,
	parseCollectionNames,
	renameableCollections,
	renameCollections,
} from './collection-names.ts';
import { findNameClashes } from './find-name-clashes.ts';
import { ensureLedger, readLedger, recordedCollectionNames, recordVersion } from './migration-ledger.ts';
import { type ProductNames, productNames, productSnapshot } from './product-schema.ts';
import { latestSchemaVersion, schemaMigrations } from './schema-migrations.ts';

export type InstallOutcome =
	| {
			status: 'installed';
			version: number;
			applied: number[];
			adopted: boolean;
			added: SchemaAdditions;
			/** The names the bundled collections have here (recorded by the first install). */
			names: CollectionNames;
			/** `PORTAL_COLLECTION_NAMES` when it asks for other names than those the first install recorded (kept). */
			ignoredNames: string | null;
	  }
	/** Names the product needs held by something of the team's; `installed`: found at an upgrade, not a first install. */
	| { status: 'clash'; names: string[]; installed?: boolean }
	/** `PORTAL_COLLECTION_NAMES` could not be read at a first install: nothing installed. */
	| { status: 'invalid-names'; problem: string }
	| { status: 'newer'; databaseVersion: number }
	| { status: 'unsupported'; client: string }
	| { status: 'failed'; error: string }
	/** Removed while this process ran (src/lifecycle/): nothing of the portal is left to act on until a restart. */
	| { status: 'uninstalled' };

/** Any constant both instances agree on: PostgreSQL's advisory locks are keyed by a number. */
const installLockKey = 7_461_230_951;

export async function installProductSchema({
	services,
	knex,
	bundleVersion,
	requestedNames,
}: {
	services: ExtensionsServices;
	knex: Knex;
	bundleVersion: string;
	/** `PORTAL_COLLECTION_NAMES`: read at a first install only. */
	requestedNames?: unknown;
}): Promise<InstallOutcome> {
	const dialect = databaseDialect(knex);
	if (dialect === null) return { status: 'unsupported', client: String(knex.client.config.client) };
	const bundled = productSnapshot(dialect);

	const outcome = await knex
		.transaction(async (trx): Promise<InstallOutcome> => {
			if (dialect === 'pg') await trx.raw('select pg_advisory_xact_lock(?)', [installLockKey]);
			const ledger = await readLedger(trx);
			const applied = new Set((ledger ?? []).map(({ version }) => version));
			const newest = Math.max(0, ...applied);
			if (newest > latestSchemaVersion) return { status: 'newer', databaseVersion: newest } as const;

			const productCollections = productNames(bundled).collections;
			const requested = parseCollectionNames(requestedNames, productCollections);
			const recorded =
				applied.size > 0 ? parseCollectionNames(recordedCollectionNames(ledger ?? []), productCollections) : requested;
			if ('problem' in recorded)
				return applied.size > 0
					? ({ status: 'failed', error: `the install ledger's collection names: ${recorded.problem}` } as const)
					: ({ status: 'invalid-names', problem: recorded.problem } as const);
			const collectionNames = recorded.names;
			// Unset, the variable asks for nothing: the recorded names hold without a word.
			const asked = requestedNames !== undefined && requestedNames !== null && String(requestedNames).trim() !== '';
			const ignoredNames =
				applied.size > 0 &&
				asked &&
				('problem' in requested || formatCollectionNames(requested.names) !== formatCollectionNames(collectionNames))
					? String(requestedNames)
					: null;
			const snapshot = renameCollections(bundled, collectionNames);
			const names = productNames(snapshot);

			let adopted = false;
			if (applied.size === 0) {
				const taken = await takenNames(trx, names);
				const clashes = findNameClashes(names, taken);
				if (clashes.length > 0) {
					if (!(await madeByEarlierRelease(trx, names, taken))) return { status: 'clash', names: clashes } as const;
					// Installed by the release before the ledger existed (its snapshot applied with `schema apply`): the
					// first version is what it holds.
					adopted = true;
				}
			} else {
				// A collection a later version brings may have been made by the team in the meantime: theirs is left
				// alone, never given the product's fields.
				const foreign = await collectionsNotTheProducts(trx, snapshot, names);
				if (foreign.length > 0) return { status: 'clash', names: foreign, installed: true } as const;
			}

			await ensureLedger(trx);
			const ran: number[] = [];
			for (const migration of schemaMigrations.filter(({ version }) => !applied.has(version))) {
				await migration.up({ services, knex: trx, snapshot, names });
				await recordVersion(trx, {
					version: migration.version,
					name: migration.name,
					bundle_version: bundleVersion,
					collection_names: formatCollectionNames(collectionNames),
				});
				ran.push(migration.version);
			}
			const added = await addMissingSchema(services, trx, snapshot, names);
			if (applied.size === 0 && Object.keys(collectionNames).length > 0)
				await storeDataMap(trx, bundledDataMapUnder(collectionNames));
			return {
				status: 'installed',
				version: latestSchemaVersion,
				applied: ran,
				adopted,
				added,
				names: collectionNames,
				ignoredNames,
			} as const;
		})
		.catch((error: unknown): InstallOutcome => ({
			status: 'failed',
			error: error instanceof Error ? error.message : String(error),
		}));

	// Directus cleared its schema caches inside the transaction; clear them again now that other
	// connections (and instances) can see the result.
	if (
		outcome.status === 'installed' &&
		outcome.applied.length +
			outcome.added.collections.length +
			outcome.added.fields.length +
			outcome.added.relations.length >
			0
	) {
		const utils = new services.UtilsService({
			knex,
			accountability: installerAccountability,
			schema: undefined as never,
		});
		await utils.clearCache({ system: true });
	}
	return outcome;
}

/** The portal runs on the bundled collections under their chosen names: the data map says so, as if an admin had saved it. */
async function storeDataMap(knex: Knex, map: DataMap): Promise<void> {
	const settings = (await knex('portal_settings').select('id').first()) as { id: number | string } | undefined;
	const data_map = JSON.stringify(map);
	if (settings) await knex('portal_settings').where('id', settings.id).update({ data_map });
	else await knex('portal_settings').insert({ data_map });
}

/** The product's names something already holds: a collection or table, a field on a Directus collection. */
async function takenNames(knex: Knex, names: ProductNames): Promise<{ collections: Set<string>; fields: Set<string> }> {
	const registered = (await knex('directus_collections')
		.select('collection')
		.whereIn('collection', names.collections)) as { collection: string }[];
	const collections = new Set(registered.map(({ collection }) => collection));
	for (const name of names.collections) if (await knex.schema.hasTable(name)) collections.add(name);
	const fields = new Set<string>();
	for (const name of names.systemFields) {
		const [collection, field] = name.split('.') as [string, string];
		const row = await knex('directus_fields').select('id').where({ collection, field }).first();
		if (row || (await knex.schema.hasColumn(collection, field))) fields.add(name);
	}
	return { collections, fields };
}

/**
 * The product's collections that exist here but are not the product's: a table with none of the product's columns
 * for it but its key. A collection of the product's that lacks a column a newer version brings still has the others.
 */
async function collectionsNotTheProducts(knex: Knex, snapshot: Snapshot, names: ProductNames): Promise<string[]> {
	const foreign: string[] = [];
	for (const collection of names.collections) {
		// One query a collection: a table that is not there has no columns (every dialect answers {}).
		const present = await knex(collection).columnInfo();
		if (Object.keys(present).length === 0) continue;
		const columns = snapshot.fields.filter(
			(field) => field.collection === collection && field.schema && !field.schema.is_primary_key,
		);
		if (columns.length > 0 && !columns.some(({ field }) => field in present)) foreign.push(collection);
	}
	return foreign;
}

/** Collections the product brought after the release before the ledger: that release's databases lack them. */
const addedSinceTheLedger: ReadonlySet<string> = new Set([
	'portal_outbox',
	'portal_mail_optouts',
	'portal_inbox',
	'portal_ticket_ratings',
]);

/** Every collection of the first release is there and `portal_settings` is the product's: that release made it. */
async function madeByEarlierRelease(
	knex: Knex,
	names: ProductNames,
	taken: { collections: ReadonlySet<string> },
): Promise<boolean> {
	return (
		names.collections.every((name) => addedSinceTheLedger.has(name) || taken.collections.has(name)) &&
		(await knex.schema.hasColumn('portal_settings', 'portal_role'))
	);
}

/** What the portal doctor reports while the install did not succeed; nothing once it did. */
export function installFindings(outcome: InstallOutcome | null, bundleVersion: string): Finding[] {
	if (outcome === null)
		return [
			{
				id: 'install-pending',
				severity: 'critical',
				problem: 'The portal has not installed its schema yet.',
				fix: 'Wait for Directus to finish starting; if this stays, read Directus’s log.',
			},
		];
	switch (outcome.status) {
		case 'installed':
			return outcome.ignoredNames === null
				? []
				: [
						{
							id: 'collection-names-kept',
							severity: 'warning',
							problem: `${collectionNamesVariable} asks for "${outcome.ignoredNames}", but the help desk’s collections were created as ${formatCollectionNames(outcome.names) || 'the bundled names'} and keep those names.`,
							fix: `Set ${collectionNamesVariable} back to "${formatCollectionNames(outcome.names)}" (or remove it if that is empty). To rename a collection of the help desk, rename it in Directus’s data model and save a data map naming it.`,
						},
					];
		case 'clash': {
			if (outcome.installed)
				return [
					{
						id: 'install-name-clash',
						severity: 'critical',
						problem: `The portal did not upgrade: this version adds ${outcome.names.join(', ')}, and this Directus already has a collection of that name which is not the portal’s. Nothing was changed, yours included.`,
						fix: 'Give your collection another name (Directus cannot rename a collection: create one under another name, move your data to it and delete this one), then restart Directus: the portal adds its own at the next start.',
					},
				];
			const renameable = outcome.names.filter((name) => renameableCollections.includes(name));
			const suggestion = renameable.map((name) => `${name}:hd_${name}`).join(',');
			return [
				{
					id: 'install-name-clash',
					severity: 'critical',
					problem: `The portal did not install: this Directus already has ${outcome.names.join(', ')}, which the portal needs and which are not the portal’s. Nothing was created and nothing of yours was changed.`,
					fix:
						renameable.length === outcome.names.length
							? `Have the portal create its collections under other names: set ${collectionNamesVariable}=${suggestion} (names of your choice) in Directus’s environment and restart Directus. Or move your own collections to other names and restart.`
							: 'Move your own collections or fields of those names to other names (or install the portal in another Directus project), then restart Directus: the portal installs itself at the next start.',
				},
			];
		}
		case 'invalid-names':
			return [
				{
					id: 'install-collection-names',
					severity: 'critical',
					problem: `The portal did not install: ${collectionNamesVariable} cannot be read: ${outcome.problem}. Nothing was created.`,
					fix: `Write ${collectionNamesVariable} as bundled:new pairs separated by commas (contacts:client_contacts,tickets:support_tickets), then restart Directus.`,
				},
			];
		case 'newer':
			return [
				{
					id: 'schema-newer',
					severity: 'critical',
					problem: `The database holds the portal’s schema version ${outcome.databaseVersion}, newer than this bundle (${bundleVersion}) knows (${latestSchemaVersion}). The portal stays closed so an older bundle never runs on a newer schema.`,
					fix: 'Install the version of the package that upgraded this database (or a newer one), then restart Directus.',
				},
			];
		case 'unsupported':
			return [
				{
					id: 'database-unsupported',
					severity: 'critical',
					problem: `The portal needs SQLite or PostgreSQL; this Directus runs on "${outcome.client}". Nothing was installed.`,
					fix: 'Run the portal on a Directus with SQLite or PostgreSQL.',
				},
			];
		case 'uninstalled':
			return [
				{
					id: 'portal-uninstalled',
					severity: 'critical',
					problem: 'The portal was uninstalled from this Directus.',
					fix: 'Remove the package (npm uninstall directus-extension-customer-portal) and restart Directus; restarted with the package still installed, the portal installs itself again.',
				},
			];
		case 'failed':
			return [
				{
					id: 'install-failed',
					severity: 'critical',
					problem: `The portal could not install its schema: ${outcome.error}. The install was rolled back; nothing of it is left half-made.`,
					fix: 'Fix the cause named in Directus’s log, then restart Directus: the install runs again at the next start.',
				},
			];
	}
}
