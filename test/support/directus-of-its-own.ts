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
	/** The Directus running now (another one after `restart`). */
	running: RunningDirectus | null;
	adminToken: string;
	/** The REST API as the admin (`token` per call for anyone else). */
	call: Api;
	/** Stops it and starts it again, its environment changed by `env` first (undefined: the variable is taken out). */
	restart(env?: Record<string, string | undefined>): Promise<void>;
	/** Stops it; `restart` starts it again. */
	stop(): Promise<void>;
	remove(): Promise<void>;
}

export interface DirectusOfItsOwnOptions {
	/** The team's work before the portal: runs against a Directus without the bundle, which is installed after. */
	beforeBundle?: (call: Api) => Promise<void>;
}

/** Starts one; `env` gets the port Directus will answer on (for links in its mails). */
export async function startDirectusOfItsOwn(
	name: string,
	env: (port: number) => Record<string, string> = () => ({}),
	{ beforeBundle }: DirectusOfItsOwnOptions = {},
): Promise<DirectusOfItsOwn> {
	const folder = await mkdtemp(join(tmpdir(), `portal-${name}-`));
	const database = await createTestDatabase(folder);
	const adminToken = randomBytes(24).toString('hex');
	const port = await freePort();
	const options = throwAwayInstanceOptions(folder, database.config, port, { ADMIN_TOKEN: adminToken, ...env(port) });
	let running = null as RunningDirectus | null;
	const call = apiAt(
		() => running?.url ?? '',
		() => adminToken,
	);
	const start = async () => {
		running = await startDirectus(options, { timeoutMs: 120_000 });
	};
	try {
		if (beforeBundle) {
			await bootstrap(options);
			await start();
			await beforeBundle(call);
			await running?.stop();
			await installBundle(folder);
		} else {
			await installBundle(folder);
			await bootstrap(options);
		}
		await start();
	} catch (error) {
		await running?.stop();
		await database.drop();
		throw error;
	}
	const stop = async () => {
		await running?.stop();
		running = null;
	};
	return {
		folder,
		database,
		options,
		get running() {
			return running;
		},
		adminToken,
		call,
		stop,
		restart: async (changes = {}) => {
			await stop();
			const next = { ...options.env };
			for (const [variable, value] of Object.entries(changes))
				if (value === undefined) delete next[variable];
				else next[variable] = value;
			options.env = next;
			await start();
		},
		remove: async () => {
			await stop();
			await database.drop();
			await rm(folder, { recursive: true, force: true });
		},
	};
}
