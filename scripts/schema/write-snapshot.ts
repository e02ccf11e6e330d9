/**
 * Creates the help-desk schema (`collections.ts`) on a fresh, throw-away Directus through its REST API
 * and writes Directus's own snapshot of it to `schema-snapshot/snapshot.json`.
 * Run with `npm run schema:snapshot` after changing `collections.ts`; commit both.
 */
import { createDirectus, createCollection, createField, createRelation, rest, schemaSnapshot, staticToken } from '@directus/sdk';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collections, systemAliases } from './collections.ts';
import { bootstrap, freePort, snapshotPath, startDirectus, type DirectusInstanceOptions } from '../lib/directus-instance.ts';

const dataDir = await mkdtemp(join(tmpdir(), 'portal-schema-'));
const token = randomBytes(24).toString('hex');
const options: DirectusInstanceOptions = {
	dataDir,
	port: await freePort(),
	database: { client: 'sqlite3', filename: join(dataDir, 'schema.db') },
	secret: randomBytes(32).toString('hex'),
	admin: { email: 'schema@example.com', password: randomBytes(16).toString('hex') },
	logFile: join(dataDir, 'directus.log'),
	env: { ADMIN_TOKEN: token, LOG_LEVEL: 'warn' },
};

console.log('› Booting a throw-away Directus');
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
	for (const { collection, field } of systemAliases) await client.request(createField(collection as never, field as never));
	const snapshot = await client.request(schemaSnapshot());
	await writeFile(snapshotPath, `${JSON.stringify(snapshot, null, '\t')}\n`);
	console.log(`✓ Wrote ${snapshotPath}`);
} finally {
	await directus.stop();
	await rm(dataDir, { recursive: true, force: true });
}
