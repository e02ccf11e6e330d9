/**
 * `npm start`: brings up Directus with the portal bundle on the embedded SQLite database in `.data/`
 * (or on PostgreSQL with `DB_CLIENT=pg` and the usual DB_* variables) — the bundle installed as a team
 * installs it, so it brings its schema itself at start — seeds the demo into an empty project, and prints
 * where to go and how to sign in.
 * A second run reuses everything in `.data/`.
 */
import { readSettings, updateSettings } from '@directus/sdk';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DemoLogin, seedDemo } from './demo/seed.ts';
import { startMailSink } from './lib/mail-sink.ts';
import { signIn } from './lib/admin-client.ts';
import {
	bootstrap,
	type DatabaseConfig,
	type DirectusInstanceOptions,
	installBundle,
	projectRoot,
	startDirectus,
} from './lib/directus-instance.ts';

const env = process.env;
// PORTAL_DATA_DIR lets the test suite run this very command in a folder of its own.
const dataDir = env['PORTAL_DATA_DIR'] ?? join(projectRoot, '.data');

interface LocalConfig {
	secret: string;
	admin: { email: string; password: string };
	/** The demo's portal logins, per database. */
	demoLogins?: Record<string, DemoLogin[]>;
}

/** Made once and kept in `.data/config.json` (readable by its owner only): the JWT secret and the demo admin. */
async function loadConfig(): Promise<LocalConfig> {
	const file = join(dataDir, 'config.json');
	if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as LocalConfig;
	const config: LocalConfig = {
		secret: randomBytes(32).toString('base64url'),
		admin: {
			email: env['ADMIN_EMAIL'] ?? 'admin@example.com',
			password: env['ADMIN_PASSWORD'] ?? randomBytes(12).toString('base64url'),
		},
	};
	await saveConfig(config);
	return config;
}

async function saveConfig(config: LocalConfig): Promise<void> {
	const file = join(dataDir, 'config.json');
	await writeFile(file, JSON.stringify(config, null, '\t'), { mode: 0o600 });
	await chmod(file, 0o600);
}

function databaseFromEnv(): DatabaseConfig {
	const client = env['DB_CLIENT'] ?? 'sqlite3';
	if (client === 'sqlite3') return { client, filename: env['DB_FILENAME'] ?? join(dataDir, 'directus.db') };
	if (client === 'pg' || client === 'postgres') {
		return {
			client: 'pg',
			host: env['DB_HOST'] ?? '127.0.0.1',
			port: Number(env['DB_PORT'] ?? 5432),
			user: env['DB_USER'] ?? 'postgres',
			database: env['DB_DATABASE'] ?? 'directus',
			...(env['DB_PASSWORD'] ? { password: env['DB_PASSWORD'] } : {}),
		};
	}
	console.error(`✗ DB_CLIENT=${client} is not supported by npm start: use sqlite3 (the default) or pg.`);
	process.exit(64);
}

/** Directus variables set in the shell (LOG_LEVEL, EMAIL_*, …) pass through and win over the defaults. */
function passThroughVariables(): Record<string, string> {
	const skip = /^(npm_|NODE_|PORTAL_|PATH$|HOME$|PWD$|SHELL$|TERM|OLDPWD$|SHLVL$|_$|INIT_CWD$|COLOR$|EDITOR$)/;
	return Object.fromEntries(
		Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && !skip.test(entry[0])),
	);
}

await mkdir(dataDir, { recursive: true });
const config = await loadConfig();
const database = databaseFromEnv();
const port = Number(env['PORT'] ?? 8055);
const publicUrl = env['PUBLIC_URL'] ?? `http://localhost:${port}`;

// Without a mail transport of your own, e-mails (invitations, resets) are caught in .data/mail/ to read.
const mailFolder = join(dataDir, 'mail');
const mail = env['EMAIL_TRANSPORT'] ? null : await startMailSink(mailFolder);
const mailVariables: Record<string, string> = mail
	? {
			EMAIL_TRANSPORT: 'smtp',
			EMAIL_SMTP_HOST: '127.0.0.1',
			EMAIL_SMTP_PORT: String(mail.port),
			EMAIL_SMTP_SECURE: 'false',
			EMAIL_SMTP_IGNORE_TLS: 'true',
			EMAIL_FROM: 'portal@localhost',
		}
	: {};

const options: DirectusInstanceOptions = {
	dataDir,
	port,
	database,
	secret: config.secret,
	admin: config.admin,
	logFile: join(dataDir, 'directus.log'),
	env: {
		LOG_LEVEL: 'warn',
		LOG_STYLE: 'pretty',
		HOST: '0.0.0.0',
		PUBLIC_URL: publicUrl,
		// The portal's own reset page may receive Directus's password-reset links.
		PASSWORD_RESET_URL_ALLOW_LIST: `${publicUrl}/portal/reset-password`,
		...mailVariables,
		...passThroughVariables(),
	},
};

await installBundle(dataDir);
console.log(
	`› Preparing the database (${database.client === 'sqlite3' ? database.filename : `PostgreSQL ${database.database}@${database.host}`})`,
);
await bootstrap(options);

const databaseKey =
	database.client === 'sqlite3'
		? `sqlite3:${database.filename}`
		: `pg:${database.host}:${database.port}/${database.database}`;

console.log('› Starting Directus');
const directus = await startDirectus(options, { echo: true });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(
		signal,
		() =>
			void directus
				.stop()
				.then(() => mail?.stop())
				.then(() => process.exit(0)),
	);
}

const admin = await signIn(directus.url, config.admin.email, config.admin.password);
const settings = (await admin.request(readSettings())) as { project_owner?: string | null };
if (!settings.project_owner) {
	// Without an owner the studio covers everything with a licence dialog at the first sign-in.
	await admin.request(
		updateSettings({
			project_name: 'Help desk',
			project_owner: config.admin.email,
			project_usage: 'personal',
			product_updates: false,
		} as never),
	);
}
const existing = (await (
	await fetch(`${directus.url}/items/customers?limit=1&fields=id`, {
		headers: { Authorization: `Bearer ${await admin.getToken()}` },
	})
).json()) as { data?: unknown[] };
if (existing.data?.length === 0) {
	config.demoLogins = { ...config.demoLogins, [databaseKey]: await seedDemo(admin) };
	await saveConfig(config);
}
const demoLogins = (config.demoLogins?.[databaseKey] ?? [])
	.map((login) => `  Portal login    ${login.email} / ${login.password}  (${login.group}, ${login.customer})`)
	.join('\n');
console.log(`
✓ Customer Portal for Directus is running

  Studio          ${publicUrl}/admin
  Portal health   ${publicUrl}/portal/api/health
  Admin login     ${config.admin.email} / ${config.admin.password}
${demoLogins}
  E-mails         ${mail ? `${mailFolder}/ (set EMAIL_TRANSPORT and EMAIL_SMTP_* to send real mail)` : 'sent with your EMAIL_* settings'}

  Data is kept in .data/ (delete it to start over). Stop with Ctrl+C.
`);
