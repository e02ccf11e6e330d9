import type { Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { deliverOutbox, type OutgoingMail } from '../../../src/mail/deliver-outbox.ts';
import { cancelInvitationMails, linkPlaceholder, type OutboxContext, queueMail } from '../../../src/mail/outbox.ts';
import { giveUpAfterMs, nextAttemptAt } from '../../../src/mail/outbox-retry.ts';
import { invitationMail } from '../../../src/mail/portal-mails.ts';
import { openLink, sealLink } from '../../../src/mail/sealed-link.ts';
import { pruneMailRecords } from '../../../src/mail/prune-mail-records.ts';
import { recordInbound } from '../../../src/inbound/inbox.ts';
import { inMemorySqlite } from '../../support/in-memory-sqlite.ts';

const secret = 'a-project-secret-of-some-length';
const link = 'https://portal.example.com/portal/accept-invitation?token=AbC_dEf-123';

async function outboxTables(knex: Knex): Promise<void> {
	await knex.schema.createTable('portal_invitations', (table) => {
		table.increments('id');
		table.integer('sent_count').notNullable().defaultTo(0);
		table.timestamp('last_sent_at').nullable();
	});
	await knex.schema.createTable('portal_outbox', (table) => {
		table.increments('id');
		table.string('kind').notNullable();
		table.string('status', 32).notNullable();
		table.string('recipient').notNullable();
		table.text('subject').notNullable();
		table.text('body_text');
		table.text('body_html');
		table.json('headers');
		table.text('sealed_link');
		table.integer('attempts').notNullable().defaultTo(0);
		table.timestamp('next_attempt_at');
		table.timestamp('lease_until');
		table.text('last_error');
		table.timestamp('sent_at');
		table.timestamp('date_created');
		table.integer('invitation').references('id').inTable('portal_invitations');
	});
}

describe('Sealed links', () => {
	test('Open with the SECRET they were sealed under, and only with it', () => {
		const sealed = sealLink(link, secret);
		expect(sealed).not.toContain('token');
		expect(sealed).not.toBe(sealLink(link, secret));
		expect(openLink(sealed, secret)).toBe(link);
		expect(openLink(sealed, 'another-secret')).toBeNull();
		expect(openLink(`${sealed.slice(0, -2)}AA`, secret)).toBeNull();
		expect(openLink('v1.', secret)).toBeNull();
		expect(openLink('plain text', secret)).toBeNull();
	});
});

describe('Retry delays', () => {
	const createdAt = new Date('2026-01-01T00:00:00Z');
	const policy = { firstDelaySeconds: 60 };
	test('Double from the first delay, at most an hour apart, and give up after two days', () => {
		const after = (attempts: number, now = createdAt) =>
			(nextAttemptAt(policy, { attempts, createdAt, now })?.getTime() ?? 0) - now.getTime();
		expect(after(1)).toBe(60_000);
		expect(after(2)).toBe(120_000);
		expect(after(6)).toBe(1_920_000);
		expect(after(7)).toBe(3_600_000);
		expect(after(40)).toBe(3_600_000);
		expect(nextAttemptAt(policy, { attempts: 3, createdAt, now: new Date(createdAt.getTime() + giveUpAfterMs) })).toBe(
			null,
		);
	});
});

describe('The outbox', () => {
	let knex: Knex;
	let now: Date;
	let sent: OutgoingMail[];
	let failWith: Error | null;
	let asked: number;
	const outbox = (): OutboxContext => ({ knex, secret, deliverSoon: () => (asked += 1) });
	const deliver = (overrides: Partial<Parameters<typeof deliverOutbox>[0]> = {}) =>
		deliverOutbox({
			knex,
			secret,
			policy: { firstDelaySeconds: 60 },
			now: () => now,
			send: async (mail) => {
				if (failWith) throw failWith;
				sent.push(mail);
			},
			...overrides,
		});
	const row = async (id: number) => (await knex('portal_outbox').where('id', id).first()) as Record<string, unknown>;
	const queueInvitation = async (invitation: number | null = null) =>
		queueMail(
			outbox(),
			{
				kind: 'invitation',
				to: 'mia@example.com',
				mail: invitationMail(
					{ portalName: 'Acme Portal', accentColor: '#123456' },
					{
						language: 'en',
						name: 'Mia',
						customer: 'Acme',
						link: linkPlaceholder,
						expiresAt: new Date('2026-02-01T00:00:00Z'),
					},
				),
				link,
				invitation,
			},
			now,
		);

	beforeEach(async () => {
		knex = inMemorySqlite(true);
		await outboxTables(knex);
		now = new Date('2026-01-01T00:00:00Z');
		sent = [];
		failWith = null;
		asked = 0;
	});
	afterEach(async () => {
		await knex.destroy();
	});

	test('Stores a mail with its link sealed, asks for delivery, and sends it with the link once', async () => {
		const [invitation] = (await knex('portal_invitations').insert({ sent_count: 0 }).returning('id')) as {
			id: number;
		}[];
		const id = await queueInvitation(invitation?.id);
		expect(asked).toBe(1);
		const stored = await row(id);
		expect(JSON.stringify(stored)).not.toContain('token=');
		expect(stored['body_text']).toContain(linkPlaceholder);

		expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0 });
		expect(sent).toHaveLength(1);
		expect(sent[0]?.text).toContain(link);
		expect(sent[0]?.html).toContain(`href="${link}"`);
		expect(sent[0]?.text).not.toContain(linkPlaceholder);
		expect(await row(id)).toMatchObject({ status: 'sent', sealed_link: null, attempts: 1 });
		expect(await knex('portal_invitations').select('sent_count').first()).toEqual({ sent_count: 1 });

		expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
		expect(sent).toHaveLength(1);
	});

	test('Waits while the server is down, tries again later, and sends once it is back', async () => {
		const id = await queueInvitation();
		failWith = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ECONNREFUSED' });
		expect(await deliver()).toEqual({ sent: 0, retrying: 1, failed: 0 });
		expect(await row(id)).toMatchObject({
			status: 'queued',
			attempts: 1,
			last_error: 'connect ECONNREFUSED 127.0.0.1:25',
		});
		// Not due yet: nothing tried.
		now = new Date(now.getTime() + 30_000);
		expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
		now = new Date(now.getTime() + 30_000);
		failWith = null;
		expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0 });
		expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
	});

	test('Gives up at once on a permanent refusal, and after two days on anything else', async () => {
		const refused = await queueInvitation();
		failWith = Object.assign(new Error('550 5.1.1 No such mailbox'), { responseCode: 550 });
		expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 1 });
		expect(await row(refused)).toMatchObject({ status: 'failed', next_attempt_at: null });

		const stubborn = await queueInvitation();
		failWith = new Error('451 try later');
		now = new Date(now.getTime() + giveUpAfterMs);
		expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 1 });
		expect(await row(stubborn)).toMatchObject({ status: 'failed', last_error: '451 try later' });
	});

	test('Fails, in words, a link sealed under another SECRET', async () => {
		const id = await queueInvitation();
		expect(await deliver({ secret: 'a-new-secret' })).toEqual({ sent: 0, retrying: 0, failed: 1 });
		expect(sent).toEqual([]);
		expect(String((await row(id))['last_error'])).toMatch(/SECRET/);
	});

	test('Two deliveries at once send each mail once', async () => {
		for (let index = 0; index < 12; index += 1) await queueInvitation();
		const reports = await Promise.all([deliver(), deliver(), deliver()]);
		expect(reports.reduce((total, report) => total + report.sent, 0)).toBe(12);
		expect(sent).toHaveLength(12);
	});

	test('A mail whose sender died is tried again when its claim runs out', async () => {
		const id = await queueInvitation();
		await knex('portal_outbox')
			.where('id', id)
			.update({ status: 'sending', attempts: 1, lease_until: new Date(now.getTime() + 60_000) });
		expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
		now = new Date(now.getTime() + 61_000);
		expect(await deliver()).toEqual({ sent: 1, retrying: 0, failed: 0 });
	});

	test('An invitation resent, withdrawn or accepted stops its waiting mail and forgets its link', async () => {
		const [invitation] = (await knex('portal_invitations').insert({ sent_count: 0 }).returning('id')) as {
			id: number;
		}[];
		const waiting = await queueInvitation(invitation?.id);
		failWith = Object.assign(new Error('550 no'), { responseCode: 550 });
		const failed = await queueInvitation(invitation?.id);
		await knex('portal_outbox').where('id', failed).update({ status: 'failed' });
		await cancelInvitationMails(knex, Number(invitation?.id));
		expect(await row(waiting)).toMatchObject({ status: 'cancelled', sealed_link: null });
		expect(await row(failed)).toMatchObject({ status: 'failed', sealed_link: null });
		expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 });
	});

	test('Old sent, failed and cancelled mail and old received mail are removed; a waiting mail is kept whatever its age', async () => {
		await knex.schema.createTable('portal_inbox', (table) => {
			table.increments('id');
			table.string('status');
			table.text('outcome');
			table.string('sender');
			table.text('subject');
			table.string('message_id');
			table.string('ticket_key');
			table.string('contact_key');
			table.timestamp('date_created');
		});
		const old = new Date('2025-09-01T00:00:00Z');
		const waiting = await queueInvitation();
		const sentLongAgo = await queueInvitation();
		const failedLongAgo = await queueInvitation();
		await knex('portal_outbox').whereIn('id', [waiting, sentLongAgo, failedLongAgo]).update({ date_created: old });
		await knex('portal_outbox').where('id', sentLongAgo).update({ status: 'sent' });
		await knex('portal_outbox').where('id', failedLongAgo).update({ status: 'failed' });
		const recent = await queueInvitation();
		await knex('portal_outbox').where('id', recent).update({ status: 'sent' });
		const entry = {
			status: 'ignored',
			outcome: 'x',
			sender: 'a@b.example',
			subject: 's',
			message_id: null,
			ticket_key: null,
			contact_key: null,
		} as const;
		await recordInbound(knex, entry, old);
		await recordInbound(knex, entry, now);

		expect(await pruneMailRecords(knex, 90, now)).toEqual({ outbox: 2, inbox: 1 });
		expect((await knex('portal_outbox').select('id').orderBy('id')).map((row: { id: number }) => row.id)).toEqual([
			waiting,
			recent,
		]);
		expect(await knex('portal_inbox').count({ count: '*' })).toEqual([{ count: 1 }]);
	});
});
