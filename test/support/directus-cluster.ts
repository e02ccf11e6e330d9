/**
 * Several Directus instances on one PostgreSQL database and one Redis, as a team runs them behind a
 * load balancer: same SECRET and admin token, the uploads folder shared, Directus's cache,
 * synchronisation and rate limiter in Redis. Independent of the suite's own Directus (and of
 * PORTAL_TEST_DB): the cluster creates its PostgreSQL database and drops it again. Every key and
 * pub/sub channel it uses in Redis carries a prefix of its own, so runs sharing a Redis never meet.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChildProcess, spawn } from 'node:child_process';
import {
	bootstrap,
	type DatabaseConfig,
	type DirectusInstanceOptions,
	freePort,
	installBundle,
	mailSinkEnv,
	type RunningDirectus,
	startDirectus,
} from '../../scripts/lib/directus-instance.ts';
import { type MailSink, startMailSink } from '../../scripts/lib/mail-sink.ts';
import { createPostgresDatabase } from '../../scripts/lib/throw-away-postgres.ts';
import { eventually } from './eventually.ts';

export interface RedisServer {
	host: string;
	port: number;
}

export interface DirectusCluster {
	adminToken: string;
	database: Extract<DatabaseConfig, { client: 'pg' }>;
	mailFolder: string;
	/** The prefix of every Redis key and channel the instances use. */
	redisKeyPrefix: string;
	/** Starts one more instance (with `redis`, another Redis than the cluster's) and returns its URL. */
	startInstance(redis?: RedisServer): Promise<ClusterInstance>;
	/** Stops every instance, the mail server, and drops the database. */
	stop(): Promise<void>;
}

export interface ClusterInstance {
	url: string;
	logFile: string;
	stop(): Promise<void>;
}

/** Creates the database and bootstraps it; instances are started with `startInstance` (the first to start installs the schema). */
export async function createDirectusCluster({
	redis = { host: '127.0.0.1', port: 6379 },
	env = {},
}: { redis?: RedisServer; env?: Record<string, string> } = {}): Promise<DirectusCluster> {
	const folder = await mkdtemp(join(tmpdir(), 'portal-cluster-'));
	const runId = randomBytes(6).toString('hex');
	const created = await createPostgresDatabase('portal_cluster');
	const database = created.config;
	const mail: MailSink = await startMailSink(join(folder, 'mail'));
	const adminToken = randomBytes(24).toString('hex');
	const secret = randomBytes(32).toString('hex');
	const redisKeyPrefix = `portal-test-${runId}:`;
	const running: RunningDirectus[] = [];
	let started = 0;

	const optionsFor = (port: number, redisServer: RedisServer, logName: string): DirectusInstanceOptions => ({
		dataDir: folder,
		port,
		database,
		secret,
		admin: { email: 'admin@example.com', password: randomBytes(16).toString('hex') },
		logFile: join(folder, `${logName}.log`),
		env: {
			ADMIN_TOKEN: adminToken,
			...mailSinkEnv(mail.port, port),
			// Directus's settings for several instances (see docs/scaling-out.md).
			REDIS_HOST: redisServer.host,
			REDIS_PORT: String(redisServer.port),
			// Each of Directus's stores has its own namespace; REDIS_KEY_PREFIX would not do: Directus clears
			// caches with SCAN, which ioredis does not prefix, so stale permissions would stay in Redis.
			...Object.fromEntries(
				[
					'REDIS_PERMISSIONS_NAMESPACE',
					'REDIS_BUS_NAMESPACE',
					'REDIS_LOCK_NAMESPACE',
					'REDIS_COUNTERS_NAMESPACE',
					'CACHE_NAMESPACE',
					'SYNCHRONIZATION_NAMESPACE',
					'IMPORT_EXPORT_NAMESPACE',
					'RATE_LIMITER_KEY_PREFIX',
					'PORTAL_REDIS_NAMESPACE',
				].map((variable) => [variable, `${redisKeyPrefix}${variable.toLowerCase()}`]),
			),
			CACHE_STORE: 'redis',
			SYNCHRONIZATION_STORE: 'redis',
			RATE_LIMITER_STORE: 'redis',
			...env,
		},
	});

	try {
		await installBundle(folder);
		const setup = optionsFor(await freePort(), redis, 'setup');
		await bootstrap(setup);
	} catch (error) {
		await mail.stop();
		await created.drop();
		throw error;
	}

	return {
		adminToken,
		database,
		mailFolder: mail.folder,
		redisKeyPrefix,
		async startInstance(redisServer = redis) {
			// Numbered before anything is awaited: instances started together get logs of their own.
			const logName = `directus-${++started}`;
			const options = optionsFor(await freePort(), redisServer, logName);
			const instance = await startDirectus(options);
			let stopped: Promise<void> | undefined;
			const stop = () => (stopped ??= instance.stop());
			running.push({ ...instance, stop });
			return { url: instance.url, logFile: options.logFile, stop };
		},
		async stop() {
			await Promise.all(running.map((instance) => instance.stop()));
			await mail.stop();
			await created.drop();
			await rm(folder, { recursive: true, force: true });
		},
	};
}

/** A redis-server of the test's own on a free port (never the machine's shared one), for stopping it on purpose. */
export async function startRedisServer(port?: number): Promise<RedisServer & { stop(): Promise<void> }> {
	port ??= await freePort();
	const child: ChildProcess = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		{ stdio: 'ignore' },
	);
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	// Answering, or exited: then it never will.
	await eventually(
		async () => {
			if (child.exitCode === null && !(await answersRedisPing(port)))
				throw new Error(`redis-server did not start on port ${String(port)}`);
		},
		{ timeoutMs: 10_000 },
	);
	if (child.exitCode !== null) throw new Error(`redis-server exited before it answered on port ${String(port)}`);
	return {
		host: '127.0.0.1',
		port,
		async stop() {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
			await exited;
		},
	};
}

async function answersRedisPing(port: number): Promise<boolean> {
	const { createConnection } = await import('node:net');
	return new Promise((done) => {
		const socket = createConnection({ host: '127.0.0.1', port }, () => socket.write('PING\r\n'));
		socket.once('data', (data) => {
			socket.destroy();
			done(data.toString().startsWith('+PONG'));
		});
		socket.once('error', () => done(false));
	});
}
