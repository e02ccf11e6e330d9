/**
 * Upgrading a Directus that runs the released product (0.1.0, installed the way it was: its bundle copied
 * into EXTENSIONS_PATH and its snapshot applied with `directus schema apply`) to this version, with nothing
 * but a new bundle and a restart. Before: a leak-oracle world seeded through the old version, plus contacts
 * who joined through invitations, a pending invitation, their tickets, comments and an attachment. After:
 * every row is still there as it was, the portal is open, everyone who signed in still does, the pending
 * invitation still works, and every contact of the world reads and writes exactly what the access model
 * allows.
 * A Directus of its own (not the suite's), on the database PORTAL_TEST_DB names.
 *
 *   PORTAL_ORACLE_SEED   replay the world of this seed
 */
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	bootstrap,
	type DirectusInstanceOptions,
	freePort,
	installBundle,
	mailSinkEnv,
	runDirectusCli,
	type RunningDirectus,
	startDirectus,
	throwAwayInstanceOptions,
} from '../../scripts/lib/directus-instance.ts';
import { type MailSink, startMailSink, waitForMail } from '../../scripts/lib/mail-sink.ts';
import { checkSeededWorld, type SeededOracleWorld, seedOracleWorld, type WorldOptions } from '../oracle/check-world.ts';
import { DifferenceLog } from '../oracle/difference-log.ts';
import { inPool } from '../oracle/in-pool.ts';
import { dataOf, OracleHttp } from '../oracle/oracle-http.ts';
import { databaseAt } from '../support/directus-under-test.ts';
import { eventually } from '../support/eventually.ts';
import { buildReleasedVersion, installReleasedBundle, type ReleasedVersion } from '../support/released-version.ts';
import { compareTableRows, readTableRows, type TableRows } from '../support/table-rows.ts';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../support/test-database.ts';

/** The product as it was released before it installed its own schema: version 0.1.0. */
const releasedCommit = '9a5fabb';
/** Directus's own rows the product writes to, kept as they are through an upgrade. */
const systemTables = [
	'directus_users',
	'directus_roles',
	'directus_policies',
	'directus_access',
	'directus_permissions',
	'directus_files',
];

const seed =
	process.env['PORTAL_ORACLE_SEED'] === undefined ? randomInt(1, 2 ** 31) : Number(process.env['PORTAL_ORACLE_SEED']);
const worldOptions: WorldOptions = {
	size: 12,
	// Every contact with a login gets a password: each one signs in before and after the upgrade.
	passwordSample: Number.POSITIVE_INFINITY,
	deepShare: 0.2,
	graphqlContacts: 1,
	writers: 4,
	writesEach: 6,
	// Capabilities added since the release: its catalogue refuses them.
	unknownCapabilities: ['tickets.cc'],
	log: (line: string) => console.log(`  ${line}`),
};

interface Login {
	email: string;
	password: string;
	/** How POST /auth/login answered before the upgrade. */
	statusBefore: number;
}

interface Invited {
	contact: number;
	email: string;
	password: string;
	ticket: number;
	comment: number;
	attachment: number;
}

const differences = new DifferenceLog();
const timings: Record<string, number> = {};
let released: ReleasedVersion;
let folder: string;
let database: TestDatabase;
let mail: MailSink;
let options: DirectusInstanceOptions;
let directus: RunningDirectus | undefined;
let http: OracleHttp;
let world: SeededOracleWorld;
const invited: Invited[] = [];
let pending: { email: string; token: string };
let logins: Login[] = [];
let productTables: string[];
let rowsBefore: TableRows;
let rowsAfter: TableRows;

async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
	const started = Date.now();
	try {
		return await work();
	} finally {
		timings[step] = (Date.now() - started) / 1000;
	}
}

function invitationToken(text: string): string {
	const match = /accept-invitation\?token=([A-Za-z0-9_-]{43})/.exec(text);
	if (!match?.[1]) throw new Error(`No invitation link in:\n${text}`);
	return match[1];
}

async function signInStatus(email: string, password: string): Promise<number> {
	return (await http.call('POST', '/auth/login', { token: null, body: { email, password } })).status;
}

async function accessToken(email: string, password: string): Promise<string> {
	const answer = await http.call('POST', '/auth/login', { token: null, body: { email, password } });
	const token = dataOf<{ access_token?: string } | undefined>(answer)?.access_token;
	if (!token) throw new Error(`${email} could not sign in: ${answer.status} ${answer.text.slice(0, 300)}`);
	return token;
}

/** Invites a new contact of `customer` in `group` and returns the token from the invitation mail. */
async function invite(
	customer: number,
	group: number,
	name: string,
): Promise<{ contact: number; email: string; token: string }> {
	const email = `${name.toLowerCase()}-${randomBytes(4).toString('hex')}@upgrade.example.com`;
	const contact = await http.admin<{ id: number }>('POST', '/items/contacts', {
		customer,
		first_name: name,
		last_name: 'Before-Upgrade',
		email,
		portal_group: group,
	});
	await http.admin('POST', '/portal/api/invitations', { contact: contact.id });
	return { contact: contact.id, email, token: invitationToken((await waitForMail(mail.folder, email)).text) };
}

/**
 * What the released version's users create besides the oracle's world: a group of their own, contacts who
 * join by accepting their invitation, a ticket each with a reply from them and from staff and a file they
 * attach, and an invitation nobody has accepted yet.
 */
async function createPortalData(): Promise<void> {
	const group = await http.admin<{ id: number }>('POST', '/items/portal_groups', {
		name: 'Field engineers (before the upgrade)',
		permissions: {
			'tickets.view': 'customer',
			'tickets.create': true,
			'tickets.reply': true,
			'tickets.attachments': 'public',
			'kb.view': true,
		},
	});
	const parent = await http.admin<{ id: number }>('POST', '/items/customers', { name: 'Upgrade Holding' });
	const customer = await http.admin<{ id: number }>('POST', '/items/customers', {
		name: 'Upgrade Subsidiary',
		parent: parent.id,
	});

	for (const name of ['Ada', 'Grace']) {
		const invitation = await invite(customer.id, group.id, name);
		const password = `${name}-before-upgrade-${randomBytes(4).toString('hex')}`;
		const accepted = await http.call('POST', '/portal/api/invitations/accept', {
			token: null,
			body: { token: invitation.token, password },
		});
		if (accepted.status !== 200)
			throw new Error(`Accepting ${name}'s invitation answered ${accepted.status}: ${accepted.text.slice(0, 300)}`);
		const token = await accessToken(invitation.email, password);
		const ticket = await http.call('POST', '/items/tickets', {
			token,
			body: { customer: customer.id, subject: `${name}'s printer`, description: 'It prints blank pages.' },
		});
		const ticketId = dataOf<{ id: number }>(ticket)?.id;
		if (ticket.status !== 200 || !ticketId)
			throw new Error(`${name} could not open a ticket: ${ticket.status} ${ticket.text.slice(0, 300)}`);
		const comment = await http.call('POST', '/items/ticket_comments', {
			token,
			body: { ticket: ticketId, body: 'Still blank this morning.' },
		});
		const commentId = dataOf<{ id: number }>(comment)?.id;
		if (comment.status !== 200 || !commentId)
			throw new Error(`${name} could not reply: ${comment.status} ${comment.text.slice(0, 300)}`);
		await http.admin('POST', '/items/ticket_comments', {
			ticket: ticketId,
			body: 'We are sending an engineer.',
			is_internal: false,
		});
		await http.admin('POST', '/items/ticket_comments', {
			ticket: ticketId,
			body: 'Staff only: toner recall.',
			is_internal: true,
		});
		const upload = await fetch(`${http.url}/portal/api/tickets/${ticketId}/attachments?filename=printer-log.txt`, {
			method: 'POST',
			headers: { 'Content-Type': 'text/plain', 'Authorization': `Bearer ${token}` },
			body: `${name}'s printer log`,
		});
		const attachment = ((await upload.json()) as { data?: { id: number } }).data?.id;
		if (upload.status !== 201 || !attachment) throw new Error(`${name} could not attach a file: ${upload.status}`);
		invited.push({
			contact: invitation.contact,
			email: invitation.email,
			password,
			ticket: ticketId,
			comment: commentId,
			attachment,
		});
	}
	const waiting = await invite(customer.id, group.id, 'Linus');
	pending = { email: waiting.email, token: waiting.token };
}

/** Sets the last invited contact's group to the one it has and waits for the audit entry its access sync writes. */
async function lastAccessSyncDone(): Promise<void> {
	const marker = invited[invited.length - 1];
	if (!marker) throw new Error('No invited contact to mark the end of the writes with');
	const entries = () =>
		http.admin<unknown[]>(
			'GET',
			`/items/portal_audit?filter[action][_eq]=contact.access_changed&filter[target_id][_eq]=${marker.contact}&fields=id&limit=-1`,
		);
	const before = (await entries()).length;
	const { portal_group } = await http.admin<{ portal_group: number }>(
		'GET',
		`/items/contacts/${marker.contact}?fields=portal_group`,
	);
	await http.admin('PATCH', `/items/contacts/${marker.contact}`, { portal_group });
	await eventually(async () => expect((await entries()).length).toBe(before + 1));
}

/** The product's tables: those of the released version's snapshot (its folders have none). */
async function productTablesOf(snapshotFile: string): Promise<string[]> {
	const snapshot = JSON.parse(await readFile(snapshotFile, 'utf8')) as {
		collections: { collection: string; schema: unknown }[];
	};
	return snapshot.collections
		.filter((collection) => Boolean(collection.schema))
		.map((collection) => collection.collection);
}

/**
 * A newer version may let the Portal staff policy (the product's own) edit more of the product's settings: such a
 * permission row of that policy, whose fields only grew, is taken as unchanged (in `before`, so the comparison
 * passes), and described. Any other change to it, or to any other row, still counts.
 */
function acceptStaffPolicyWidening(before: TableRows, after: TableRows): string[] {
	const settings = [...(before.get('portal_settings')?.values() ?? [])][0];
	const staffPolicy = settings?.['staff_policy'];
	const rowsAfter = after.get('directus_permissions');
	const widened: string[] = [];
	for (const [key, row] of before.get('directus_permissions') ?? []) {
		const now = rowsAfter?.get(key);
		if (!now || staffPolicy == null || row['policy'] !== staffPolicy) continue;
		const fieldsOf = (value: unknown) =>
			new Set(
				String(value ?? '')
					.split(',')
					.filter(Boolean),
			);
		const was = fieldsOf(row['fields']);
		const is = fieldsOf(now['fields']);
		const othersSame = Object.keys(row).every(
			(column) => column === 'fields' || JSON.stringify(row[column]) === JSON.stringify(now[column]),
		);
		if (!othersSame || was.size === is.size || ![...was].every((field) => is.has(field))) continue;
		widened.push(
			`${String(row['collection'])} ${String(row['action'])} + ${[...is].filter((field) => !was.has(field)).join(', ')}`,
		);
		row['fields'] = now['fields'];
	}
	return widened;
}

/**
 * A newer version may take ticket states from those a contact may set (this one took "New" and "Waiting on customer":
 * the service desk's to say). Start-up recompiles every group's policy, so each group's ticket-update row changes only
 * in its validation's list of states: such a row, with nothing else changed and the list only shorter, is taken as
 * unchanged (in `before`), and described.
 */
function acceptContactStatesNarrowing(before: TableRows, after: TableRows): string[] {
	const rowsAfter = after.get('directus_permissions');
	const narrowed: string[] = [];
	const statesOf = (validation: unknown): string[] | null => {
		const parsed = (typeof validation === 'string' ? JSON.parse(validation) : validation) as {
			status?: { _in?: unknown };
		} | null;
		const states = parsed?.status?._in;
		return Array.isArray(states) && Object.keys(parsed ?? {}).length === 1 ? states.map(String) : null;
	};
	for (const [key, row] of before.get('directus_permissions') ?? []) {
		const now = rowsAfter?.get(key);
		if (!now || row['collection'] !== 'tickets' || row['action'] !== 'update') continue;
		const othersSame = Object.keys(row).every(
			(column) => column === 'validation' || JSON.stringify(row[column]) === JSON.stringify(now[column]),
		);
		const was = statesOf(row['validation']);
		const is = statesOf(now['validation']);
		if (!othersSame || !was || !is || is.length >= was.length || !is.every((state) => was.includes(state))) continue;
		narrowed.push(`policy ${String(row['policy'])}: ${was.filter((state) => !is.includes(state)).join(', ')}`);
		row['validation'] = now['validation'];
	}
	return narrowed;
}

/**
 * A newer version may add a capability to the catalogue and to the system groups (which it keeps as it writes them,
 * words included): a portal_groups row whose permissions only gained keys of `added`, its description and update date
 * aside, is taken as unchanged (in `before`), and described. A team's own group never changes.
 */
function acceptSystemGroupsGaining(before: TableRows, after: TableRows, added: readonly string[]): string[] {
	const rowsAfter = after.get('portal_groups');
	const gained: string[] = [];
	const parse = (value: unknown) =>
		(typeof value === 'string' ? JSON.parse(value) : (value ?? {})) as Record<string, unknown>;
	for (const [key, row] of before.get('portal_groups') ?? []) {
		const now = rowsAfter?.get(key);
		if (!now) continue;
		const othersSame = Object.keys(row).every(
			(column) =>
				['permissions', 'description', 'date_updated'].includes(column) ||
				JSON.stringify(row[column]) === JSON.stringify(now[column]),
		);
		const [was, is] = [parse(row['permissions']), parse(now['permissions'])];
		const newKeys = Object.keys(is).filter((capability) => !(capability in was));
		const keptAll = Object.keys(was).every(
			(capability) => JSON.stringify(was[capability]) === JSON.stringify(is[capability]),
		);
		if (!othersSame || !keptAll || newKeys.length === 0 || !newKeys.every((capability) => added.includes(capability)))
			continue;
		gained.push(`${String(row['name'])} + ${newKeys.join(', ')}`);
		for (const column of ['permissions', 'description', 'date_updated']) row[column] = now[column];
	}
	return gained;
}

async function readRows(): Promise<TableRows> {
	const connection = databaseAt(options.database);
	try {
		return await readTableRows(connection, [...productTables, ...systemTables]);
	} finally {
		await connection.destroy();
	}
}

/** Polls GET /portal/api/health until it answers at all (the bundle may still be loading). */
async function health(): Promise<{ status: number; body: unknown }> {
	const answer = await eventually(
		async () => {
			const answer = await http.call('GET', '/portal/api/health', { token: null });
			expect(answer.status, 'GET /portal/api/health').not.toBe(404);
			return answer;
		},
		{ timeoutMs: 15_000, intervalMs: 250 },
	);
	return { status: answer.status, body: answer.json ?? answer.text };
}

beforeAll(async () => {
	const started = Date.now();
	released = await timed('build of the released version', () => buildReleasedVersion(releasedCommit));
	folder = await mkdtemp(join(tmpdir(), 'portal-upgrade-'));
	database = await createTestDatabase(folder);
	mail = await startMailSink(join(folder, 'mail'));
	const port = await freePort();
	const adminToken = randomBytes(24).toString('hex');
	options = throwAwayInstanceOptions(folder, database.config, port, {
		ADMIN_TOKEN: adminToken,
		...mailSinkEnv(mail.port, port),
		// Every contact signs in from 127.0.0.1, twice or three times.
		PORTAL_LOGIN_LIMIT_PER_IP: '1000',
	});
	http = new OracleHttp(`http://127.0.0.1:${port}`, adminToken);
	productTables = await productTablesOf(released.snapshots[options.database.client]);

	// The released version, installed as it was.
	await timed('install of the released version', async () => {
		await installReleasedBundle(folder, released);
		await bootstrap(options);
		await runDirectusCli(options, ['schema', 'apply', '--yes', released.snapshots[options.database.client]]);
		directus = await startDirectus(options);
	});
	await timed('data through the released version', async () => {
		world = await seedOracleWorld(http, differences, seed, worldOptions);
		await createPortalData();
		const worldLogins = [...world.seeded.logins.values()].map((login) => ({
			email: login.email,
			password: world.seeded.local.password,
		}));
		const everyone = [...worldLogins, ...invited.map(({ email, password }) => ({ email, password }))];
		logins = await inPool(everyone, 6, async (login) => ({
			...login,
			statusBefore: await signInStatus(login.email, login.password),
		}));
		// Directus runs action hooks after answering. A last change of a contact's access, to what it already is, is
		// recorded once its sync is done: by then the syncs and audit entries of the writes before it are done too.
		await lastAccessSyncDone();
		await directus?.stop();
		directus = undefined;
		rowsBefore = await readRows();
	});

	// The upgrade: the new bundle in place of the old one, and a restart. Nothing else.
	await timed('upgrade and start', async () => {
		const manifest = JSON.parse(await readFile(released.packageJson, 'utf8')) as { name: string };
		await rm(join(folder, 'extensions', manifest.name), { recursive: true, force: true });
		await installBundle(folder);
		directus = await startDirectus(options);
	});
	rowsAfter = await readRows();
	console.log(
		`Upgrade from ${released.version} (${released.commit.slice(0, 12)}) on ${testDatabaseKind()}, world seed ${seed} (replay with PORTAL_ORACLE_SEED=${seed}): ` +
			`${Object.entries(timings)
				.map(([step, seconds]) => `${step} ${seconds.toFixed(1)} s`)
				.join(', ')}` +
			`${released.buildSeconds === null ? ' (build reused from an earlier run)' : ''}; ready after ${((Date.now() - started) / 1000).toFixed(1)} s (log: ${options.logFile})`,
	);
}, 300_000);

afterAll(async () => {
	await directus?.stop();
	await mail?.stop();
	await database?.drop();
	if (folder) await rm(folder, { recursive: true, force: true });
});

describe('Upgrading from the released version by replacing the bundle and restarting', () => {
	test('Keeps every row of the product’s tables and of Directus’s users, roles, policies, access, permissions and files', () => {
		const widened = acceptStaffPolicyWidening(rowsBefore, rowsAfter);
		if (widened.length > 0)
			console.log(`Fields the new version lets the Portal staff policy use: ${widened.join('; ')}`);
		const narrowed = acceptContactStatesNarrowing(rowsBefore, rowsAfter);
		if (narrowed.length > 0) console.log(`Ticket states contacts may no longer set: ${narrowed.join('; ')}`);
		const gained = acceptSystemGroupsGaining(rowsBefore, rowsAfter, worldOptions.unknownCapabilities ?? []);
		if (gained.length > 0) console.log(`System groups given new capabilities: ${gained.join('; ')}`);
		const { lost, changed, added } = compareTableRows(rowsBefore, rowsAfter);
		if (Object.keys(added).length > 0) console.log(`Rows the new version added: ${JSON.stringify(added)}`);
		const report = [...lost.map((line) => `lost    ${line}`), ...changed.map((line) => `changed ${line}`)];
		expect(
			report,
			`${report.length} row(s) lost or changed by the upgrade:\n${report.slice(0, 60).join('\n')}`,
		).toEqual([]);
		// The comparison saw the data it is about.
		expect(rowsBefore.get('contacts')?.size).toBeGreaterThan(world.seeded.local.contacts.length);
		expect(rowsBefore.get('portal_invitations')?.size).toBe(3);
		expect(rowsBefore.get('ticket_attachments')?.size).toBeGreaterThanOrEqual(invited.length);
	});

	test('The portal is open', async () => {
		const answer = await health();
		const ok = (answer.body as { status?: string } | null)?.status === 'ok';
		const findings = ok ? null : (await http.call('GET', '/portal/api/doctor')).text;
		expect(answer, findings ?? undefined).toMatchObject({
			status: 200,
			body: { status: 'ok', product: 'customer-portal' },
		});
	});

	test('Everyone who signed in before signs in after, and sees their ticket, reply and attachment', async () => {
		expect(logins.filter((login) => login.statusBefore === 200).length).toBeGreaterThan(invited.length);
		const after = await inPool(logins, 6, async (login) => ({
			email: login.email,
			before: login.statusBefore,
			after: await signInStatus(login.email, login.password),
		}));
		expect(after.filter((login) => login.after !== login.before)).toEqual([]);

		for (const person of invited) {
			const token = await accessToken(person.email, person.password);
			const tickets = await http.call('GET', '/items/tickets?fields=id,comments,attachments&sort=id', { token });
			const own = dataOf<{ id: number; comments: number[]; attachments: number[] }[]>(tickets)?.find(
				(ticket) => ticket.id === person.ticket,
			);
			expect(own?.comments).toContain(person.comment);
			expect(own?.attachments).toEqual([person.attachment]);
		}
	}, 120_000);

	test('The invitation still pending is accepted, and its contact signs in', async () => {
		const password = `after-upgrade-${randomBytes(4).toString('hex')}`;
		const accepted = await http.call('POST', '/portal/api/invitations/accept', {
			token: null,
			body: { token: pending.token, password },
		});
		expect(accepted.status, accepted.text).toBe(200);
		expect(await signInStatus(pending.email, password)).toBe(200);
	});

	test('Every contact of the world seeded before reads and writes exactly what the access model allows', async () => {
		const stats = await checkSeededWorld(http, differences, world, worldOptions);
		if (differences.count() > 0) console.log(differences.format(40));
		expect(stats.signedIn).toBeGreaterThan(0);
		expect(
			differences.count(),
			`differences in the world of seed ${seed} (replay with PORTAL_ORACLE_SEED=${seed})`,
		).toBe(0);
	}, 300_000);
});
