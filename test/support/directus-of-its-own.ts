/**
 * A Directus of a test file's own, for what changes the whole installation (a saved data map, an uninstall): a
 * fresh folder and database (`PORTAL_TEST_DB`), the bundle installed as a team installs it, bootstrapped and
 * started with an admin token of its own. `remove` stops it and drops everything.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	bootstrap,
	type DirectusInstanceOptions,
	freePort,
	installBundle,
	type RunningDirectus,
	startDirectus,
	throwAwayInstanceOptions,
} from '../../scripts/lib/directus-instance.ts';
import { type Api, apiAt } from './directus-under-test.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface DirectusOfItsOwn {
	folder: string;
	database: TestDatabase;
	options: DirectusInstanceOptions;
	running: RunningDirectus;
	adminToken: string;
	/** The REST API as the admin (`token` per call for anyone else). */
	call: Api;
	remove(): Promise<void>;
}

/** Starts one; `env` gets the port Directus will answer on (for links in its mails). */
export async function startDirectusOfItsOwn(
	name: string,
	env: (port: number) => Record<string, string> = () => ({}),
): Promise<DirectusOfItsOwn> {
	const folder = await mkdtemp(join(tmpdir(), `portal-${name}-`));
	const database = await createTestDatabase(folder);
	const adminToken = randomBytes(24).toString('hex');
	const port = await freePort();
	const options = throwAwayInstanceOptions(folder, database.config, port, { ADMIN_TOKEN: adminToken, ...env(port) });
	let running: RunningDirectus;
	try {
		await installBundle(folder);
		await bootstrap(options);
		running = await startDirectus(options, { timeoutMs: 120_000 });
	} catch (error) {
		await database.drop();
		throw error;
	}
	return {
		folder,
		database,
		options,
		running,
		adminToken,
		call: apiAt(
			() => running.url,
			() => adminToken,
		),
		remove: async () => {
			await running.stop();
			await database.drop();
			await rm(folder, { recursive: true, force: true });
		},
	};
}
