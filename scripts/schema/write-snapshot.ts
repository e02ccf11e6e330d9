/**
 * Creates the help-desk schema (`collections.ts`) on a fresh, throw-away Directus through its REST API
 * and writes Directus's own snapshot of it, once per database vendor: `schema-snapshot/snapshot.json`
 * (SQLite) and `schema-snapshot/snapshot.postgres.json` (PostgreSQL, on a throw-away database of the
 * local server; see `snapshotPaths` for why there are two). Run with `npm run schema:snapshot` after
 * changing `collections.ts`; commit all three.
 */
import {
	createCollection,
	createDirectus,
	createField,
	createRelation,
	rest,
	schemaSnapshot,
	staticToken,
} from '@directus/sdk';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collections, systemFields } from './collections.ts';
import {
	bootstrap,
	type DatabaseConfig,
	freePort,
	snapshotPaths,
	startDirectus,
	throwAwayInstanceOptions,
} from '../lib/directus-instance.ts';
import { createPostgresDatabase } from '../lib/throw-away-postgres.ts';

async function writeSnapshot(
	database: (dataDir: string) => Promise<{ config: DatabaseConfig; drop(): Promise<void> }>,
): Promise<void> {
	const dataDir = await mkdtemp(join(tmpdir(), 'portal-schema-'));
	const { config, drop } = await database(dataDir);
	const token = randomBytes(24).toString('hex');
	const options = throwAwayInstanceOptions(dataDir, config, await freePort(), {
		ADMIN_TOKEN: token,
		LOG_LEVEL: 'warn',
	});
	console.log(`› Booting a throw-away Directus on ${config.client === 'pg' ? 'PostgreSQL' : 'SQLite'}`);
	await bootstrap(options);
	const directus = await startDirectus(options);
	try {
		const client = createDirectus(directus.url).with(staticToken(token)).with(rest());
		for (const definition of collections) {
			console.log(`› ${definition.collection}`);
			await client.request(
				createCollection({
					collection: definition.collection,
					meta: definition.meta,
					schema: definition.folder ? null : {},
					...(definition.folder ? {} : { fields: definition.fields }),
				} as never),
			);
		}
		for (const relation of collections.flatMap((definition) => definition.relations)) {
			await client.request(createRelation(relation as never));
		}
		for (const definition of collections) {
			for (const alias of definition.aliases) await client.request(createField(definition.collection, alias as never));
		}
		for (const { collection, field } of systemFields)
			await client.request(createField(collection as never, field as never));
		const snapshot = await client.request(schemaSnapshot());
		await writeFile(snapshotPaths[config.client], `${JSON.stringify(snapshot, null, '\t')}\n`);
		console.log(`✓ Wrote ${snapshotPaths[config.client]}`);
	} finally {
		await directus.stop();
		await drop();
		await rm(dataDir, { recursive: true, force: true });
	}
}

await writeSnapshot(async (dataDir) => ({
	config: { client: 'sqlite3', filename: join(dataDir, 'schema.db') },
	drop: async () => undefined,
}));
await writeSnapshot(() => createPostgresDatabase('portal_schema'));
