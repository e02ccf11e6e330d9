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
import { type MailSink, mailsTo, startMailSink, waitForMail } from '../../scripts/lib/mail-sink.ts';
import { eventually } from '../support/eventually.ts';
import { checkManagedPolicy, type StoredPolicy } from '../../src/doctor/check-policies.ts';
import { compileSettings } from '../../src/policies/sync-group-policy.ts';
import { compileGroup } from '../../src/compiler/compile-group.ts';
import { normalizeGroupPermissions } from '../../src/groups/normalize-group-permissions.ts';
import { apiAt, type ApiResponse } from '../support/directus-under-test.ts';
import { acceptTwiceAtOnce } from '../support/accept-twice-at-once.ts';
import { uniqueName } from '../support/portal-users.ts';
import { createPostgresDatabase } from '../../scripts/lib/throw-away-postgres.ts';
import type { TestDatabase } from '../support/test-database.ts';
import { bundledCustomerTree } from '../support/bundled-derived-tables.ts';
import { showLogOnFailure } from '../support/log-on-failure.ts';

const tokenIn = (text: string) => /accept-invitation\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? '';

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
			// Retries within seconds, not a minute: the test waits for the mail server to come back.
			PORTAL_MAIL_RETRY_SECONDS: '1',
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
		/** A new customer's contact with an address of its own, created as staff. */
		async function newContact(localPart: string): Promise<{ contact: number; email: string }> {
			const customer = (
				await call<{ id: number }>('POST', '/items/customers', { body: { name: uniqueName('Mailless') } })
			).body.data?.id;
			const email = `${localPart}-${randomBytes(6).toString('hex')}@mailless.example.com`;
			const contact = (
				await call<{ id: number }>('POST', '/items/contacts', {
					body: { customer, first_name: 'Mia', last_name: 'Mailless', email },
				})
			).body.data?.id;
			return { contact: Number(contact), email };
		}
		const outboxRow = async (id: number) =>
			(await db('portal_outbox').where('id', id).first()) as Record<string, unknown> & {
				status: string;
				attempts: number;
				sealed_link: string | null;
			};
		const invitationRecord = async (id: number) =>
			(await db('portal_invitations').select('sent_count', 'last_sent_at').where('id', id).first()) as {
				sent_count: number;
				last_sent_at: Date | null;
			};

		test('The invitation waits in the outbox, its link sealed, and is sent exactly once when mail is back', async () => {
			await stopSmtp();
			const { contact, email } = await newContact('mia');
			const invited = await call<{ id: number; email_status: string; outbox: number }>(
				'POST',
				'/portal/api/invitations',
				{ body: { contact } },
			);
			expect(invited.status).toBe(201);
			expect(invited.body.data).toMatchObject({ email, email_status: 'queued' });
			const id = Number(invited.body.data?.id);
			const outbox = Number(invited.body.data?.outbox);

			// Tried, refused by the closed port, waiting for its next try: not sent, nothing lost.
			const waiting = await eventually(async () => {
				const row = await outboxRow(outbox);
				expect(row).toMatchObject({ status: 'queued', recipient: email, kind: 'invitation' });
				expect(row.attempts).toBeGreaterThanOrEqual(2);
				expect(String(row['last_error'])).toMatch(/ECONNREFUSED|connect/i);
				return row;
			});
			expect(await invitationRecord(id)).toEqual({ sent_count: 0, last_sent_at: null });
			// The link is in the outbox only sealed: no token in the stored mail, none in the sealed value.
			expect(String(waiting['body_text'])).toContain('[sign-in link]');
			expect(String(waiting['body_text'])).not.toContain('token=');
			expect(String(waiting['body_html'])).not.toContain('token=');
			expect(waiting.sealed_link).toMatch(/^v1\./);
			// Nothing half-made: one invitation, one invited user linked to the contact.
			expect(await db('portal_invitations').where('contact', contact).count({ count: '*' })).toEqual([{ count: '1' }]);
			const users = (await db('directus_users').select('id', 'status').whereRaw('lower(email) = ?', [email])) as {
				id: string;
				status: string;
			}[];
			expect(users.map((user) => user.status)).toEqual(['invited']);
			expect((await db('contacts').select('user').where('id', contact).first())?.user).toBe(users[0]?.id);

			// Staff see it waiting, with the mail server's words, and never the sealed link.
			const listed = await call<Record<string, unknown>[]>('GET', '/portal/api/outbox?status=queued');
			expect(listed.status).toBe(200);
			const entry = listed.body.data?.find((row) => row['id'] === outbox);
			expect(entry).toMatchObject({ recipient: email, status: 'queued', kind: 'invitation', invitation: id });
			expect(entry).not.toHaveProperty('sealed_link');
			expect(JSON.stringify(listed.body)).not.toContain(waiting.sealed_link ?? 'never');

			await startSmtp();
			const mail = await waitForMail(mailFolder, email, { timeoutMs: 60_000 });
			const token = tokenIn(mail.text);
			expect(token).not.toBe('');
			expect(mail.html).toContain(`token=${token}`);
			await eventually(async () => {
				expect(await outboxRow(outbox)).toMatchObject({ status: 'sent', sealed_link: null, last_error: null });
				expect((await invitationRecord(id)).sent_count).toBe(1);
			});
			// Sent once: the scheduled runs after it find nothing more to send.
			await new Promise((done) => setTimeout(done, 3_000));
			expect(await mailsTo(mailFolder, email)).toHaveLength(1);

			const accepted = await call('POST', '/portal/api/invitations/accept', {
				token: null,
				body: { token, password: 'mail-is-back-1' },
			});
			expect(accepted.status).toBe(200);
			expect(
				(await call('POST', '/auth/login', { token: null, body: { email, password: 'mail-is-back-1' } })).status,
			).toBe(200);
		});

		test('A mailbox the server refuses fails at once, shows why, and staff resend it with a new link', async () => {
			if (!smtp) await startSmtp();
			const { contact, email } = await newContact('bounce');
			const invited = await call<{ id: number; outbox: number }>('POST', '/portal/api/invitations', {
				body: { contact },
			});
			expect(invited.status).toBe(201);
			const outbox = Number(invited.body.data?.outbox);
			await eventually(async () => {
				const row = await outboxRow(outbox);
				expect(row).toMatchObject({ status: 'failed', attempts: 1, next_attempt_at: null });
				expect(String(row['last_error'])).toContain('550');
			});
			expect((await invitationRecord(Number(invited.body.data?.id))).sent_count).toBe(0);
			const failed = await call<Record<string, unknown>[]>('GET', '/portal/api/outbox?status=failed');
			expect(failed.body.data?.map((row) => row['id'])).toContain(outbox);
			const counts = (await call('GET', '/portal/api/outbox')).body['meta'] as { counts: Record<string, number> };
			expect(counts.counts['failed']).toBeGreaterThanOrEqual(1);

			// Bad input: a clear 400 and nothing changed.
			expect((await call('GET', '/portal/api/outbox?status=lost')).status).toBe(400);
			expect((await call('GET', '/portal/api/outbox?limit=-1')).status).toBe(400);
			expect((await call('POST', '/portal/api/outbox/0/resend')).status).toBe(400);
			expect((await call('POST', '/portal/api/outbox/999999999/resend')).status).toBe(409);

			// The address is put right; the resend issues a new link and mails it.
			const fixed = email.replace(/^bounce-/, 'fixed-');
			expect((await call('PATCH', `/items/contacts/${contact}`, { body: { email: fixed } })).status).toBe(200);
			const resent = await call<{ id: number; status: string }>('POST', `/portal/api/outbox/${outbox}/resend`);
			expect(resent.status, JSON.stringify(resent.body)).toBe(200);
			expect(resent.body.data?.id).not.toBe(outbox);
			const token = tokenIn((await waitForMail(mailFolder, fixed)).text);
			expect(token).not.toBe('');
			// The failed row stays as the record of what happened, without a link.
			expect(await outboxRow(outbox)).toMatchObject({ status: 'failed', sealed_link: null });
			const audit = await db('portal_audit')
				.where({ action: 'mail.resent', target_id: String(outbox) })
				.first();
			expect(audit).toBeDefined();
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
