/**
 * Boots one real Directus 11 for the integration tests: a fresh database and the built bundle installed
 * as a team installs it (the bundle installs its schema when Directus starts). Tests reach it over HTTP with the injected URL and an
 * admin token; everything is removed afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import {
	bootstrap,
	type DatabaseConfig,
	freePort,
	installBundle,
	mailSinkEnv,
	type RunningDirectus,
	startDirectus,
	throwAwayInstanceOptions,
} from '../../scripts/lib/directus-instance.ts';
import { type MailSink, startMailSink } from '../../scripts/lib/mail-sink.ts';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from './test-database.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		directus: {
			url: string;
			adminToken: string;
			database: 'sqlite' | 'postgres';
			logFile: string;
			/** How to reach Directus's database directly, for tests of writes that bypass Directus. */
			databaseConfig: DatabaseConfig;
			/** The folder the test SMTP server writes every message Directus sends to (see mail-sink.ts). */
			mailFolder: string;
			/** Mail to the service desk: the route's token, the portal's SMTP listener, the support address. */
			inbound: { token: string; smtpPort: number; address: string };
		};
	}
}

let folder: string | undefined;
let database: TestDatabase | undefined;
let directus: RunningDirectus | undefined;
let mail: MailSink | undefined;

export async function setup(project: TestProject): Promise<void> {
	folder = await mkdtemp(join(tmpdir(), 'portal-test-'));
	database = await createTestDatabase(folder);
	const adminToken = randomBytes(24).toString('hex');
	mail = await startMailSink(join(folder, 'mail'));
	const port = await freePort();
	const inbound = {
		token: randomBytes(24).toString('hex'),
		smtpPort: await freePort(),
		address: 'support@example.com',
	};
	const options = throwAwayInstanceOptions(folder, database.config, port, {
		ADMIN_TOKEN: adminToken,
		...mailSinkEnv(mail.port, port),
		PORTAL_PUBLIC_LIMIT_PER_IP: '40',
		// Sign-in limits with short windows, so tests see a lock begin and end in seconds. Every test signs in
		// from 127.0.0.1: the per-address limit is raised, and a 10 s window keeps the suite's own failed
		// sign-ins (a few a second at most) below it. The per-account limit keeps its default (5).
		PORTAL_LOGIN_LIMIT_PER_IP: '40',
		PORTAL_LOGIN_WINDOW_SECONDS: '10',
		PORTAL_LOGIN_LOCK_SECONDS: '3',
		// Mails one client administrator may send an hour (invitations, resets); no other test sends more than five.
		PORTAL_TEAM_LIMIT_PER_USER: '10',
		PORTAL_INBOUND_TOKEN: inbound.token,
		PORTAL_INBOUND_ADDRESS: inbound.address,
		PORTAL_INBOUND_SMTP_PORT: String(inbound.smtpPort),
		PORTAL_INBOUND_SMTP_HOST: '127.0.0.1',
		// Messages one sender may send an hour: the inbound tests' flood sends more.
		PORTAL_INBOUND_LIMIT_PER_HOUR: '6',
		// Messages one sending server may deliver an hour: the inbound tests send from 127.0.0.1 (about 20 in the
		// whole suite), and their flood from another loopback address.
		PORTAL_INBOUND_LIMIT_PER_CLIENT: '30',
	});
	const started = Date.now();
	await installBundle(folder);
	await bootstrap(options);
	directus = await startDirectus(options);
	// The admin hears of every contact's ticket where no one holds the Portal staff policy: Directus's e-mail of
	// those notifications would fill its inbox, which tests read for the mails the portal sends.
	const quiet = await fetch(`${directus.url}/users/me`, {
		method: 'PATCH',
		headers: { 'Authorization': `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
		body: JSON.stringify({ email_notifications: false }),
	});
	if (!quiet.ok) throw new Error(`Turning the admin's e-mail notifications off: ${quiet.status}`);
	console.log(
		`Directus under test: ${directus.url} on ${testDatabaseKind()}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s (log: ${options.logFile})`,
	);
	project.provide('directus', {
		url: directus.url,
		adminToken,
		database: testDatabaseKind(),
		logFile: options.logFile,
		databaseConfig: database.config,
		mailFolder: mail.folder,
		inbound,
	});
}

export async function teardown(): Promise<void> {
	await directus?.stop();
	await mail?.stop();
	await database?.drop();
	if (folder) await rm(folder, { recursive: true, force: true });
}
