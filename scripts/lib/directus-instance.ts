/**
 * Runs a real Directus 11 from this project's node_modules with the bundle installed as a team installs
 * it (an npm package of the Directus project): bootstrap, schema apply, start and stop.
 * Used by `npm start`, by the test harness and by the schema definition script, so all three boot
 * Directus the same way.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const execFileAsync = promisify(execFile);
const directusCli = join(projectRoot, 'node_modules/directus/cli.js');
/**
 * The schema snapshot for each database. Directus snapshots are per database vendor: applied again to a
 * PostgreSQL database made from the SQLite one, a snapshot would alter every uuid column to char(36) and
 * fail on the foreign keys to `directus_users`, so an upgrade there needs the PostgreSQL snapshot.
 */
export const snapshotPaths = {
	sqlite3: join(projectRoot, 'schema-snapshot/snapshot.json'),
	pg: join(projectRoot, 'schema-snapshot/snapshot.postgres.json'),
} as const;

export type DatabaseConfig =
	| { client: 'sqlite3'; filename: string }
	| { client: 'pg'; host: string; port: number; user: string; password?: string; database: string };

export interface DirectusInstanceOptions {
	/** Directus's working folder: its package.json and node_modules (the bundle), uploads (and the SQLite file, by convention). */
	dataDir: string;
	port: number;
	database: DatabaseConfig;
	secret: string;
	admin: { email: string; password: string };
	/** Every line Directus prints goes here. */
	logFile: string;
	/** Extra Directus variables; they win over the defaults below. */
	env?: Record<string, string>;
}

export interface RunningDirectus {
	url: string;
	process: ChildProcess;
	stop(): Promise<void>;
}

/**
 * Argon2 settings for test instances' passwords: the tests create and sign in hundreds of users, and with
 * argon2's defaults, which Directus keeps, each hash or check costs about 0.15 s of CPU on four threads, enough
 * to slow the other lane of a CI run. What is tested does not depend on the cost. Every sign-in, successful or
 * not, lasts LOGIN_STALL_TIME: a 48th of the hash cost needs a fraction of the 1.5 s deployments keep (the
 * doctor's `loginStallNeededMs` says 100 ms), and 200 ms halves a browser flow's time. The benchmark and
 * deployments keep Directus's defaults and 1.5 s.
 */
const cheapPasswordHashing = {
	HASH_MEMORY_COST: '4096',
	HASH_TIME_COST: '1',
	HASH_PARALLELISM: '1',
	LOGIN_STALL_TIME: '200',
};

/**
 * Options for a new throw-away Directus in `folder` (tests, the benchmark): a random secret and first-admin password,
 * its log in the folder, and cheap password hashing unless `hashing` is `'directus'` (the benchmark's).
 */
export function throwAwayInstanceOptions(
	folder: string,
	database: DatabaseConfig,
	port: number,
	env: Record<string, string>,
	hashing: 'cheap' | 'directus' = 'cheap',
): DirectusInstanceOptions {
	return {
		dataDir: folder,
		port,
		database,
		secret: randomBytes(32).toString('hex'),
		admin: { email: 'admin@example.com', password: randomBytes(16).toString('hex') },
		logFile: join(folder, 'directus.log'),
		env: { ...(hashing === 'cheap' ? cheapPasswordHashing : {}), ...env },
	};
}

/** Directus's mail settings for the product's SMTP sink on `smtpPort`, and its reset links to the portal on `directusPort`. */
export function mailSinkEnv(smtpPort: number, directusPort: number): Record<string, string> {
	return {
		EMAIL_TRANSPORT: 'smtp',
		EMAIL_SMTP_HOST: '127.0.0.1',
		EMAIL_SMTP_PORT: String(smtpPort),
		EMAIL_SMTP_SECURE: 'false',
		EMAIL_SMTP_IGNORE_TLS: 'true',
		EMAIL_FROM: 'portal@example.com',
		PASSWORD_RESET_URL_ALLOW_LIST: `http://127.0.0.1:${directusPort}/portal/reset-password`,
	};
}

/** The environment Directus runs with: explicit, so a stray `.env` or shell variable cannot change a test. */
export function directusEnv(options: DirectusInstanceOptions): NodeJS.ProcessEnv {
	const database: Record<string, string> =
		options.database.client === 'sqlite3'
			? { DB_CLIENT: 'sqlite3', DB_FILENAME: options.database.filename }
			: {
					DB_CLIENT: 'pg',
					DB_HOST: options.database.host,
					DB_PORT: String(options.database.port),
					DB_USER: options.database.user,
					DB_DATABASE: options.database.database,
					...(options.database.password ? { DB_PASSWORD: options.database.password } : {}),
				};

	return {
		PATH: process.env['PATH'],
		HOME: process.env['HOME'],
		TZ: 'UTC',
		// Directus reads CONFIG_PATH (default `.env` in its working folder); point it at nothing.
		CONFIG_PATH: join(options.dataDir, 'no-config.env'),
		HOST: '127.0.0.1',
		PORT: String(options.port),
		PUBLIC_URL: `http://127.0.0.1:${options.port}`,
		SECRET: options.secret,
		ADMIN_EMAIL: options.admin.email,
		ADMIN_PASSWORD: options.admin.password,
		EXTENSIONS_PATH: join(options.dataDir, 'extensions'),
		STORAGE_LOCATIONS: 'local',
		STORAGE_LOCAL_ROOT: join(options.dataDir, 'uploads'),
		// The portal's safe defaults (see README, "Configuration"): no realtime, no shared cache,
		// no trusted proxy, no telemetry.
		WEBSOCKETS_ENABLED: 'false',
		CACHE_ENABLED: 'false',
		IP_TRUST_PROXY: 'false',
		// A failed sign-in takes at least this long whether the address is known or not; it must outlast
		// Directus's password check on a busy server, or the time tells known addresses apart.
		LOGIN_STALL_TIME: '1500',
		TELEMETRY: 'false',
		// Directus answers 503 "Under pressure" when its event loop lags; on a small, busy machine that is a
		// test or a demo failing for nothing. Deployments keep Directus's default.
		PRESSURE_LIMITER_ENABLED: 'false',
		// After an access change Directus rebuilds its schema once and other requests wait for it, for 10 s by
		// default, three times, then fail ("hit infinite loop"); on a small, busy machine one build can take
		// longer. Deployments keep Directus's default.
		CACHE_SCHEMA_SYNC_TIMEOUT: '60000',
		LOG_LEVEL: 'info',
		LOG_STYLE: 'raw',
		...database,
		...options.env,
	};
}

/** The package a team installs: what `npm pack` of this project gives. */
export interface PackedBundle {
	name: string;
	version: string;
	tarball: string;
}

/**
 * Packs the project with `npm pack`, once per build: `npm pack` walks the whole node_modules tree (seconds),
 * so the tarball is kept in a temporary folder of this checkout under the build's fingerprint and reused by
 * every later install, in this process or another, until `dist/` or package.json change.
 */
export async function packBundle(): Promise<PackedBundle> {
	const manifest = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as {
		name: string;
		version: string;
	};
	const cache = join(
		tmpdir(),
		`customer-portal-pack-${createHash('sha256').update(projectRoot).digest('hex').slice(0, 12)}`,
	);
	const tarball = join(cache, `${await buildFingerprint()}.tgz`);
	if (!existsSync(tarball)) {
		await mkdir(cache, { recursive: true });
		const destination = await mkdtemp(join(cache, 'packing-'));
		try {
			const { stdout } = await execFileAsync(
				'npm',
				['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
				{ cwd: projectRoot },
			);
			const [report] = JSON.parse(stdout) as { filename: string }[];
			if (!report) throw new Error(`npm pack reported nothing: ${stdout}`);
			// Older builds' tarballs go; the rename makes the new one appear whole to a process packing alongside.
			for (const name of await readdir(cache))
				if (name.endsWith('.tgz') && join(cache, name) !== tarball) await rm(join(cache, name), { force: true });
			await rename(join(destination, report.filename), tarball);
		} finally {
			await rm(destination, { recursive: true, force: true });
		}
	}
	return { name: manifest.name, version: manifest.version, tarball };
}

/** Changes whenever the build or the package's manifest does. */
async function buildFingerprint(): Promise<string> {
	const hash = createHash('sha256');
	hash.update(await readFile(join(projectRoot, 'package.json')));
	for (const entry of await readdir(join(projectRoot, 'dist'), { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		const { size, mtimeMs } = await stat(path);
		hash.update(`${path} ${size} ${mtimeMs}\n`);
	}
	return hash.digest('hex');
}

/**
 * Installs the bundle the way a Directus team does, as an npm package of the Directus project: the
 * packed tarball unpacked into `<dataDir>/node_modules/<package name>/`, and `<dataDir>/package.json`
 * listing it in `dependencies`; Directus loads npm-installed extensions from its working folder's
 * package.json (and refuses to load any extension when that folder has none). The EXTENSIONS_PATH folder
 * stays empty. Returns the installed package's folder.
 */
export async function installBundle(dataDir: string): Promise<string> {
	const bundle = await packBundle();
	// An older install copied the bundle into EXTENSIONS_PATH; two copies would load it twice.
	await rm(join(dataDir, 'extensions', bundle.name), { recursive: true, force: true });
	const target = join(dataDir, 'node_modules', bundle.name);
	await rm(target, { recursive: true, force: true });
	await mkdir(target, { recursive: true });
	// npm's tarballs hold everything under `package/`.
	await execFileAsync('tar', ['-xzf', bundle.tarball, '-C', target, '--strip-components=1']);
	const project = { name: 'customer-portal-data', private: true, dependencies: { [bundle.name]: bundle.version } };
	await writeFile(join(dataDir, 'package.json'), JSON.stringify(project, null, '\t'));
	return target;
}

/** Removes the bundle as `npm uninstall` does: its folder, and its line in `<dataDir>/package.json`. */
export async function uninstallBundle(dataDir: string): Promise<void> {
	const { name } = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as { name: string };
	await rm(join(dataDir, 'node_modules', name), { recursive: true, force: true });
	const project = JSON.parse(await readFile(join(dataDir, 'package.json'), 'utf8')) as {
		dependencies?: Record<string, string>;
	};
	delete project.dependencies?.[name];
	await writeFile(join(dataDir, 'package.json'), JSON.stringify(project, null, '\t'));
}

function openLog(logFile: string): WriteStream {
	mkdirSync(dirname(logFile), { recursive: true });
	return createWriteStream(logFile, { flags: 'a' });
}

/** Runs one Directus CLI command (`bootstrap`, `schema apply …`) to completion; fails with Directus's own log. */
export async function runDirectusCli(options: DirectusInstanceOptions, args: string[]): Promise<void> {
	await mkdir(join(options.dataDir, 'uploads'), { recursive: true });
	await mkdir(join(options.dataDir, 'extensions'), { recursive: true });
	const log = openLog(options.logFile);
	log.write(`\n$ directus ${args.join(' ')}\n`);
	const child = spawn(process.execPath, [directusCli, ...args], {
		cwd: options.dataDir,
		env: directusEnv(options),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout.pipe(log, { end: false });
	child.stderr.pipe(log, { end: false });
	const code = await new Promise<number | null>((done, fail) => {
		child.once('error', fail);
		child.once('close', done);
	});
	await new Promise((done) => log.end(done));
	if (code !== 0) {
		throw new Error(`directus ${args.join(' ')} exited with ${code}. Its log:\n${tailOf(options.logFile)}`);
	}
}

/** Creates the system tables and the first admin (a no-op on an installed database, but for migrations). */
export function bootstrap(options: DirectusInstanceOptions): Promise<void> {
	return runDirectusCli(options, ['bootstrap']);
}

/** Starts Directus and resolves once `/server/ping` answers (a busy machine may take minutes); a failed boot rejects with Directus's own log. */
export async function startDirectus(
	options: DirectusInstanceOptions,
	{ echo = false, timeoutMs = 180_000 }: { echo?: boolean; timeoutMs?: number } = {},
): Promise<RunningDirectus> {
	const url = `http://127.0.0.1:${options.port}`;
	const log = openLog(options.logFile);
	log.write('\n$ directus start\n');
	const child = spawn(process.execPath, [directusCli, 'start'], {
		cwd: options.dataDir,
		env: directusEnv(options),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout.pipe(log, { end: false });
	child.stderr.pipe(log, { end: false });
	if (echo) {
		child.stdout.pipe(process.stdout);
		child.stderr.pipe(process.stderr);
	}

	const exited = new Promise<number | null>((done) => child.once('exit', done));
	const stop = async (): Promise<void> => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(killer);
		}
		await new Promise((done) => log.end(done));
	};

	const deadline = Date.now() + timeoutMs;
	let earlyExit: number | null | undefined;
	void exited.then((code) => (earlyExit = code));
	while (Date.now() < deadline) {
		if (earlyExit !== undefined) {
			await stop();
			throw new Error(`Directus exited with ${earlyExit} while starting. Its log:\n${tailOf(options.logFile)}`);
		}
		if (await answersPing(url)) return { url, process: child, stop };
		await new Promise((done) => setTimeout(done, 200));
	}
	await stop();
	throw new Error(
		`Directus did not answer ${url}/server/ping within ${timeoutMs} ms. Its log:\n${tailOf(options.logFile)}`,
	);
}

async function answersPing(url: string): Promise<boolean> {
	try {
		const response = await fetch(`${url}/server/ping`);
		return response.ok && (await response.text()) === 'pong';
	} catch {
		// Not listening yet: the caller polls again.
		return false;
	}
}

/** The last lines of a log file, for error messages. */
export function tailOf(logFile: string, lines = 80): string {
	try {
		return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return `(no log at ${logFile})`;
	}
}

/** Ports this process handed out: none twice, though the first may be closed again by now. */
const handedOut = new Set<number>();

/** Whether nothing listens on `port` of 127.0.0.1 right now. */
function listenable(port: number): Promise<boolean> {
	return new Promise((done) => {
		const server = createServer();
		server.once('error', () => done(false));
		server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
	});
}

/**
 * A TCP port nobody listens on right now, below the kernel's range for outgoing connections (32768 and up on
 * Linux): a port from that range, free when asked, can be taken by an outgoing connection (a database's) before
 * Directus listens on it, which it then refuses ("Port … is already in use", seen once in a test's start).
 */
export async function freePort(): Promise<number> {
	for (let attempt = 0; attempt < 200; attempt++) {
		const port = 20_000 + Math.floor(Math.random() * 12_000);
		if (handedOut.has(port) || !(await listenable(port))) continue;
		handedOut.add(port);
		return port;
	}
	throw new Error('No free TCP port between 20000 and 32000.');
}
