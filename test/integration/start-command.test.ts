/**
 * The README's run command, exactly as a newcomer runs it (the script behind `npm start`), in a data
 * folder and database of its own: first run bootstraps, applies the schema and seeds the demo; the
 * second run reuses all of it.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freePort, projectRoot } from '../../scripts/lib/directus-instance.ts';
import { eventually } from '../support/eventually.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let folder: string;
let database: TestDatabase;
let port: number;

beforeAll(async () => {
	folder = await mkdtemp(join(tmpdir(), 'portal-start-'));
	database = await createTestDatabase(folder);
	port = await freePort();
});

afterAll(async () => {
	await database.drop();
	await rm(folder, { recursive: true, force: true });
});

interface Login {
	email: string;
	password: string;
}

function loginFrom(output: string): Login {
	const match = /Admin login\s+(\S+) \/ (\S+)/.exec(output);
	if (!match?.[1] || !match[2]) throw new Error(`No admin login in:\n${output}`);
	return { email: match[1], password: match[2] };
}

/** Signs in with the printed login, as a person would, and reads what the demo holds. */
async function inspect(
	output: string,
): Promise<{ customers: number; tickets: number; projectOwner: string | null; portalTickets: Record<string, number> }> {
	const url = `http://127.0.0.1:${port}`;
	const signIn = await fetch(`${url}/auth/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(loginFrom(output)),
	});
	expect(signIn.status).toBe(200);
	const { data } = (await signIn.json()) as { data: { access_token: string } };
	const get = async <T>(path: string): Promise<T> =>
		(
			(await (await fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${data.access_token}` } })).json()) as {
				data: T;
			}
		).data;
	const count = async (collection: string) =>
		Number((await get<{ count: number }[]>(`/items/${collection}?aggregate[count]=*`))[0]?.count);
	const settings = await get<{ project_owner: string | null }>('/settings');
	// Every printed portal login signs in and sees tickets of its own.
	const portalLogins = [...output.matchAll(/Portal login\s+(\S+) \/ (\S+)\s+\((\w+)/g)];
	const portalTickets: Record<string, number> = {};
	for (const [, email, password, group] of portalLogins) {
		const session = await fetch(`${url}/auth/login`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ email, password }),
		});
		const token = ((await session.json()) as { data: { access_token: string } }).data.access_token;
		const tickets = (await (
			await fetch(`${url}/items/tickets?fields=id`, { headers: { Authorization: `Bearer ${token}` } })
		).json()) as { data: unknown[] };
		portalTickets[String(group)] = tickets.data.length;
	}
	return {
		customers: await count('customers'),
		tickets: await count('tickets'),
		projectOwner: settings.project_owner,
		portalTickets,
	};
}

/** Runs `npm start`'s script until it says the portal is running, looks around, then stops it with SIGTERM. */
async function runStart(): Promise<{ output: string; seen: Awaited<ReturnType<typeof inspect>> }> {
	const db = database.config;
	const dbEnv =
		db.client === 'sqlite3'
			? { DB_CLIENT: 'sqlite3', DB_FILENAME: db.filename }
			: { DB_CLIENT: 'pg', DB_HOST: db.host, DB_PORT: String(db.port), DB_USER: db.user, DB_DATABASE: db.database };
	const child = spawn(process.execPath, [join(projectRoot, 'scripts/start.ts')], {
		cwd: projectRoot,
		env: {
			PATH: process.env['PATH'],
			HOME: process.env['HOME'],
			PORTAL_DATA_DIR: folder,
			PORT: String(port),
			HOST: '127.0.0.1',
			...dbEnv,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((done) => child.once('exit', done));
	try {
		// Up, or exited: then it will print nothing more.
		await eventually(
			() => {
				if (!output.includes('is running') && child.exitCode === null)
					throw new Error(`npm start did not come up. It printed:\n${output}`);
			},
			{ timeoutMs: 150_000, intervalMs: 250 },
		);
		if (!output.includes('is running')) throw new Error(`npm start exited before it came up. It printed:\n${output}`);
		return { output, seen: await inspect(output) };
	} finally {
		child.kill('SIGTERM');
		await exited;
	}
}

test('npm start seeds a demo on the first run and reuses it on the second', { timeout: 300_000 }, async () => {
	const first = await runStart();
	expect(first.output).toContain('Seeding the demo help desk');
	expect(first.output).toContain(`http://localhost:${port}/admin`);
	// Administrator of the parent sees the four customers' 12 tickets; the Manager all three of Retail's; Basic their own two.
	expect(first.seen).toEqual({
		customers: 5,
		tickets: 15,
		projectOwner: loginFrom(first.output).email,
		portalTickets: { Administrator: 12, Manager: 3, Basic: 3 },
	});

	const second = await runStart();
	expect(second.output).not.toContain('Seeding');
	expect(loginFrom(second.output)).toEqual(loginFrom(first.output));
	expect(second.seen).toEqual(first.seen);
});
