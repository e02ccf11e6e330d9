/**
 * Faults that must lose nothing, against real services: the mail server down while inviting, the
 * database connection lost in the middle of a group edit or a customer subtree move, and two accepts of
 * one invitation link at once. The database faults need PostgreSQL's locks and pg_terminate_backend, so
 * this file boots a Directus of its own on a PostgreSQL database it creates, whatever database the rest
 * of the run uses; its SMTP port starts with nobody listening.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knex, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	bootstrap,
	freePort,
	installBundle,
	mailSinkEnv,
	type RunningDirectus,
	startDirectus,
	throwAwayInstanceOptions,
} from '../../scripts/lib/directus-instance.ts';
import { type MailSink, startMailSink, waitForMail } from '../../scripts/lib/mail-sink.ts';
import { checkManagedPolicy, type StoredPolicy } from '../../src/doctor/check-policies.ts';
import { compileSettings } from '../../src/policies/sync-group-policy.ts';
import { compileGroup } from '../../src/compiler/compile-group.ts';
import { normalizeGroupPermissions } from '../../src/groups/normalize-group-permissions.ts';
import { type Api, api, apiAt, type ApiResponse, directusUnderTest } from '../support/directus-under-test.ts';
import { uniqueName } from '../support/portal-users.ts';
import { createPostgresDatabase } from '../../scripts/lib/throw-away-postgres.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { bundledCustomerTree } from '../support/bundled-derived-tables.ts';
import { showLogOnFailure } from '../support/log-on-failure.ts';

const tokenIn = (text: string) => /accept-invitation\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? '';

/** Invites a new contact, reads the link from the mail, and sends two accepts of it at the same moment. */
async function acceptTwiceAtOnce(call: Api, mailFolder: string): Promise<number[]> {
	const customer = (await call<{ id: number }>('POST', '/items/customers', { body: { name: uniqueName('Race') } })).body
		.data?.id;
	const email = `${randomBytes(6).toString('hex')}@race.example.com`;
	const contact = (
		await call<{ id: number }>('POST', '/items/contacts', { body: { customer, last_name: 'Racer', email } })
	).body.data?.id;
	expect((await call('POST', '/portal/api/invitations', { body: { contact } })).status).toBe(201);
	const token = tokenIn((await waitForMail(mailFolder, email)).text);
	const accepts = await Promise.all(
		['first-password-1', 'second-password-2'].map((password) =>
			call('POST', '/portal/api/invitations/accept', { token: null, body: { token, password } }),
		),
	);
	return accepts.map((response) => response.status).sort();
}

describe('Two accepts of one invitation link at the same moment', () => {
	test('Exactly one wins, on the database this run uses', async () => {
		expect(await acceptTwiceAtOnce(api, directusUnderTest().mailFolder)).toEqual([200, 400]);
	});
});

describe('On a PostgreSQL Directus of its own', () => {
	let folder: string;
	let database: TestDatabase;
	let db: Knex;
	let directus: RunningDirectus;
	let smtpPort: number;
	let smtp: MailSink | null = null;
	let mailFolder: string;
	const adminToken = randomBytes(24).toString('hex');
	const call = apiAt(
		() => directus.url,
		() => adminToken,
	);

	/** A real SMTP server on the port Directus sends to, writing each message where waitForMail reads. */
	async function startSmtp(): Promise<void> {
		smtp = await startMailSink(mailFolder, smtpPort);
	}

	async function stopSmtp(): Promise<void> {
		const running = smtp;
		smtp = null;
		await running?.stop();
	}

	showLogOnFailure('its own Directus', () => folder && join(folder, 'directus.log'));

	beforeAll(async () => {
		folder = await mkdtemp(join(tmpdir(), 'portal-faults-'));
		mailFolder = join(folder, 'mail');
		await mkdir(mailFolder, { recursive: true });
		database = await createPostgresDatabase('portal_faults');
		db = knex({ client: 'pg', connection: { ...database.config }, pool: { min: 0, max: 3 } });
		smtpPort = await freePort();
		const port = await freePort();
		const options = throwAwayInstanceOptions(folder, database.config, port, {
			ADMIN_TOKEN: adminToken,
			...mailSinkEnv(smtpPort, port),
		});
		await installBundle(folder);
		await bootstrap(options);
		directus = await startDirectus(options, { timeoutMs: 120_000 });
	}, 300_000);

	afterAll(async () => {
		await directus?.stop();
		await stopSmtp();
		await db?.destroy();
		await database?.drop();
		if (folder) await rm(folder, { recursive: true, force: true });
	});

	/**
	 * Holds `lock` (a SELECT … FOR UPDATE) in a transaction of its own, starts `write`, and terminates every
	 * connection that waits for that lock until Directus answers: the write's, and any other (the doctor's,
	 * say) that happens to wait for the same row, which would otherwise keep the write waiting behind it.
	 * Returns what Directus answered. The lock is released afterwards.
	 */
	async function loseConnectionDuring<T>(
		lock: (trx: Knex.Transaction) => Promise<unknown>,
		write: () => Promise<ApiResponse<T>>,
	): Promise<{ response: ApiResponse<T>; terminated: number[] }> {
		const trx = await db.transaction();
		try {
			const holder = ((await trx.raw('SELECT pg_backend_pid() AS pid')) as { rows: { pid: number }[] }).rows[0]?.pid;
			await lock(trx);
			let answered = false;
			const answer = write().finally(() => {
				answered = true;
			});
			const terminated: number[] = [];
			const deadline = Date.now() + 30_000;
			while (!answered) {
				const waiting = (await db.raw(
					`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND ? = ANY (pg_blocking_pids(pid))`,
					[holder],
				)) as { rows: { pid: number }[] };
				for (const { pid } of waiting.rows) {
					await db.raw('SELECT pg_terminate_backend(?)', [pid]);
					terminated.push(pid);
				}
				if (!answered && Date.now() > deadline)
					throw new Error(
						terminated.length === 0
							? 'Directus never waited for the lock'
							: `Directus did not answer within 30 s after its connections ${terminated.join(', ')} were terminated`,
					);
				await Promise.race([answer, new Promise((done) => setTimeout(done, 50))]);
			}
			expect(terminated, 'Directus never waited for the lock').not.toEqual([]);
			return { response: await answer, terminated };
		} finally {
			await trx.rollback();
		}
	}

	async function storedPolicy(policy: string): Promise<StoredPolicy> {
		const row = (await db('directus_policies')
			.select('id', 'name', 'admin_access', 'app_access')
			.where('id', policy)
			.first()) as Omit<StoredPolicy, 'permissions'>;
		const rows = (await db('directus_permissions')
			.select('collection', 'action', 'permissions', 'validation', 'presets', 'fields')
			.where('policy', policy)) as Record<string, unknown>[];
		const parse = (value: unknown) => (typeof value === 'string' ? (JSON.parse(value) as unknown) : (value ?? null));
		return {
			...row,
			permissions: rows.map((permission) => ({
				collection: String(permission['collection']),
				action: permission['action'] as 'read',
				permissions: parse(permission['permissions']) as Record<string, unknown> | null,
				validation: parse(permission['validation']) as Record<string, unknown> | null,
				presets: parse(permission['presets']) as Record<string, unknown> | null,
				fields: typeof permission['fields'] === 'string' ? String(permission['fields']).split(',') : [],
			})),
		};
	}

	/** What the group stored in the database compiles to, against what its policy holds: differences, none when in step. */
	async function policyDrift(groupId: number): Promise<string[]> {
		const group = (await db('portal_groups').select('permissions', 'policy').where('id', groupId).first()) as {
			permissions: unknown;
			policy: string;
		};
		const permissions = (
			typeof group.permissions === 'string' ? JSON.parse(group.permissions) : group.permissions
		) as Record<string, unknown>;
		const expected = compileGroup(
			normalizeGroupPermissions(permissions),
			compileSettings(db, { parentVisibility: true }),
		);
		return checkManagedPolicy(await storedPolicy(group.policy), expected).map((finding) => finding.id);
	}

	describe('The mail server down while inviting', () => {
		test('The invitation is recorded as not sent, staff are told in words, and a resend works once mail is back', async () => {
			await stopSmtp();
			const customer = (
				await call<{ id: number }>('POST', '/items/customers', { body: { name: uniqueName('Mailless') } })
			).body.data?.id;
			const email = `${randomBytes(6).toString('hex')}@mailless.example.com`;
			const contact = (
				await call<{ id: number }>('POST', '/items/contacts', {
					body: { customer, first_name: 'Mia', last_name: 'Mailless', email },
				})
			).body.data?.id;

			const invited = await call<{ id: number; email_sent: boolean; message?: string }>(
				'POST',
				'/portal/api/invitations',
				{ body: { contact } },
			);
			expect(invited.status).toBe(201);
			expect(invited.body.data?.email_sent).toBe(false);
			expect(invited.body.data?.message).toBe(
				`The invitation for ${email} is saved, but its e-mail could not be sent: the mail server did not accept it. Resend the invitation once e-mail works again.`,
			);
			const id = invited.body.data?.id;
			const record = async () =>
				(await db('portal_invitations').select('sent_count', 'last_sent_at').where('id', id).first()) as {
					sent_count: number;
					last_sent_at: Date | null;
				};
			expect(await record()).toEqual({ sent_count: 0, last_sent_at: null });
			// Nothing half-made: one invitation, one invited user linked to the contact.
			expect(await db('portal_invitations').where('contact', contact).count({ count: '*' })).toEqual([{ count: '1' }]);
			const users = (await db('directus_users').select('id', 'status').whereRaw('lower(email) = ?', [email])) as {
				id: string;
				status: string;
			}[];
			expect(users.map((user) => user.status)).toEqual(['invited']);
			expect((await db('contacts').select('user').where('id', contact).first())?.user).toBe(users[0]?.id);

			// Still down: a resend says so again and the record stays "not sent".
			const again = await call<{ email_sent: boolean }>('POST', `/portal/api/invitations/${id}/resend`);
			expect(again.status).toBe(200);
			expect(again.body.data?.email_sent).toBe(false);
			expect(await record()).toEqual({ sent_count: 0, last_sent_at: null });

			await startSmtp();
			const resent = await call<{ email_sent: boolean; message?: string }>(
				'POST',
				`/portal/api/invitations/${id}/resend`,
			);
			expect(resent.status).toBe(200);
			expect(resent.body.data).toMatchObject({ email_sent: true });
			expect(resent.body.data?.message).toBeUndefined();
			expect((await record()).sent_count).toBe(1);
			expect((await record()).last_sent_at).not.toBeNull();
			const token = tokenIn((await waitForMail(mailFolder, email)).text);
			const accepted = await call('POST', '/portal/api/invitations/accept', {
				token: null,
				body: { token, password: 'mail-is-back-1' },
			});
			expect(accepted.status).toBe(200);
			expect(
				(await call('POST', '/auth/login', { token: null, body: { email, password: 'mail-is-back-1' } })).status,
			).toBe(200);
		});
	});

	describe('The database connection lost in the middle of a write', () => {
		test('A group edit rolls back whole: no half-compiled policy, and the next edit succeeds', async () => {
			const created = await call<{ id: number; policy: string }>('POST', '/items/portal_groups', {
				body: {
					name: uniqueName('Fault group'),
					permissions: { 'tickets.view': 'own', 'kb.view': true, 'docs.view': true },
				},
			});
			expect(created.status).toBe(200);
			const groupId = created.body.data?.id as number;
			const policy = (await db('portal_groups').select('policy').where('id', groupId).first())?.policy as string;
			expect(await policyDrift(groupId)).toEqual([]);
			const ticketsRead = (
				await db('directus_permissions').select('id').where({ policy, collection: 'tickets', action: 'read' }).first()
			)?.id as number;
			const before = await storedPolicy(policy);

			// The edit drops two rows (deleted first) and changes the tickets row, which the test holds locked.
			const { response } = await loseConnectionDuring(
				(trx) => trx.raw('SELECT id FROM directus_permissions WHERE id = ? FOR UPDATE', [ticketsRead]),
				() =>
					call('PATCH', `/items/portal_groups/${groupId}`, {
						body: { permissions: { 'tickets.view': 'customer', 'kb.view': false, 'docs.view': false } },
					}),
			);
			expect(response.status).toBeGreaterThanOrEqual(500);
			expect(await policyDrift(groupId)).toEqual([]);
			expect((await storedPolicy(policy)).permissions.map((row) => `${row.collection}:${row.action}`).sort()).toEqual(
				before.permissions.map((row) => `${row.collection}:${row.action}`).sort(),
			);

			const retried = await call('PATCH', `/items/portal_groups/${groupId}`, {
				body: { permissions: { 'tickets.view': 'customer', 'kb.view': false, 'docs.view': false } },
			});
			expect(retried.status).toBe(200);
			expect(await policyDrift(groupId)).toEqual([]);
			const after = (await storedPolicy(policy)).permissions.map((row) => `${row.collection}:${row.action}`);
			expect(after).not.toContain('kb_articles:read');
		});

		test('A customer subtree move rolls back whole: customer_tree stays in step, and the next move succeeds', async () => {
			const customer = async (name: string, parent: number | null) =>
				(await call<{ id: number }>('POST', '/items/customers', { body: { name: uniqueName(name), parent } })).body.data
					?.id as number;
			const from = await customer('From', null);
			const to = await customer('To', null);
			const moved = await customer('Moved', from);
			const below = await customer('Below', moved);
			expect(await bundledCustomerTree.isExact(db)).toBe(true);

			// The move rewrites the closure rows of the whole subtree; the test holds one of them locked.
			const { response } = await loseConnectionDuring(
				(trx) => trx.raw('SELECT * FROM customer_tree WHERE customer = ? AND ancestor = ? FOR UPDATE', [below, from]),
				() => call('PATCH', `/items/customers/${moved}`, { body: { parent: to } }),
			);
			expect(response.status).toBeGreaterThanOrEqual(500);
			expect((await db('customers').select('parent').where('id', moved).first())?.parent).toBe(from);
			expect(await bundledCustomerTree.isExact(db)).toBe(true);

			const retried = await call('PATCH', `/items/customers/${moved}`, { body: { parent: to } });
			expect(retried.status).toBe(200);
			expect((await db('customers').select('parent').where('id', moved).first())?.parent).toBe(to);
			expect(await bundledCustomerTree.isExact(db)).toBe(true);
			expect(
				(await db('customer_tree').select('ancestor').where('customer', below).orderBy('depth')).map(
					(row: { ancestor: number }) => row.ancestor,
				),
			).toEqual([below, moved, to]);
		});
	});

	describe('Two accepts of one invitation link at the same moment', () => {
		test('Exactly one wins on PostgreSQL', async () => {
			if (!smtp) await startSmtp();
			expect(await acceptTwiceAtOnce(call, mailFolder)).toEqual([200, 400]);
		});
	});
});
