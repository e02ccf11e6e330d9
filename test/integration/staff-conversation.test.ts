/**
 * The studio's conversation routes: staff read a ticket's thread with internal notes set apart and answer it as
 * themselves, saying every time whether they write to the customer or a note for staff. The routes act as the
 * staff user, so Directus's rules for their role decide which tickets they may read and answer.
 */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { mailsTo } from '../../scripts/lib/mail-sink.ts';
import { api, createRow, directusUnderTest } from '../support/directus-under-test.ts';
import { eventually } from '../support/eventually.ts';
import { expectReadRefused } from '../support/expect-read-refused.ts';
import { expectRefused } from '../support/expect-refused.ts';
import { createPortalContact, type PortalContact, tokenOf, uniqueName } from '../support/portal-users.ts';
import { ratingsPerHour } from '../../src/ratings/ticket-rating.ts';

interface Entry {
	body: string;
	internal: boolean;
	author: { kind: string; name: string };
}
interface Conversation {
	ticket: { id: number; subject: string; status: string; customer: string; requester: { name: string } };
	entries: Entry[];
	files: { name: string; shown: boolean }[];
}

let requester: PortalContact;
let requesterToken: string;
let customerName: string;
/** Holds the Portal staff policy and a help-desk policy that reads tickets and writes replies. */
let agentToken: string;
let agentId: string;
/** Holds the Portal staff policy only: it reads no ticket. */
let bystanderToken: string;

const conversationOf = (ticket: number | string, token = agentToken) =>
	api<Conversation>('GET', `/portal/api/studio/tickets/${ticket}/conversation`, { token });
const write = (ticket: number | string, body: unknown, token = agentToken) =>
	api<{ id: number; internal: boolean }>('POST', `/portal/api/studio/tickets/${ticket}/replies`, { token, body });

async function staffUser(first: string, last: string, role: string): Promise<{ id: string; token: string }> {
	const token = randomBytes(16).toString('hex');
	const user = await api<{ id: string }>('POST', '/users', {
		body: {
			email: `${first.toLowerCase()}-${randomBytes(4).toString('hex')}@helpdesk.example.com`,
			first_name: first,
			last_name: last,
			role,
			token,
		},
	});
	if (!user.body.data) throw new Error(`staff user: ${JSON.stringify(user.body)}`);
	return { id: user.body.data.id, token };
}

async function newTicket(): Promise<number> {
	return (
		await createRow('tickets', {
			customer: requester.customer,
			contact: requester.id,
			subject: uniqueName('Label printer'),
			status: 'open',
		})
	).id;
}

/** The mails to `address` about `ticket`. */
async function ticketMailsTo(address: string, ticket: number) {
	return (await mailsTo(directusUnderTest().mailFolder, address)).filter((found) =>
		found.subject.startsWith(`[#${ticket}]`),
	);
}

/** The one mail to `address` about `ticket`, once it arrived (a second one fails). */
async function theOneMailTo(address: string, ticket: number) {
	const [mail] = await eventually(async () => {
		const found = await ticketMailsTo(address, ticket);
		expect(found).toHaveLength(1);
		return found;
	});
	return mail;
}

/** The ticket's replies as the admin reads them. */
async function repliesOf(ticket: number) {
	const rows = await api<{ body: string; is_internal: boolean; author_user: string | null }[]>(
		'GET',
		`/items/ticket_comments?filter[ticket][_eq]=${ticket}&fields=body,is_internal,author_user&sort=id`,
	);
	return rows.body.data ?? [];
}

beforeAll(async () => {
	customerName = uniqueName('Answered client');
	const customer = (await createRow('customers', { name: customerName })).id;
	requester = await createPortalContact(customer, 'Manager', { first_name: 'Ria', last_name: 'Requester' });
	requesterToken = await tokenOf(requester);

	const settings = await api<{ staff_policy: string }>('GET', '/items/portal_settings?fields=staff_policy');
	const staffPolicy = settings.body.data?.staff_policy as string;
	const helpDesk = await api<{ id: string }>('POST', '/policies', {
		body: {
			name: uniqueName('Help-desk agents'),
			app_access: true,
			permissions: [
				...['tickets', 'customers', 'contacts'].map((collection) => ({ collection, action: 'read', fields: ['*'] })),
				{ collection: 'ticket_comments', action: 'read', fields: ['*'] },
				{ collection: 'ticket_comments', action: 'create', fields: ['*'] },
			],
		},
	});
	const agents = await api<{ id: string }>('POST', '/roles', { body: { name: uniqueName('Agents') } });
	await api('POST', '/access', { body: { role: agents.body.data?.id, policy: staffPolicy } });
	await api('POST', '/access', { body: { role: agents.body.data?.id, policy: helpDesk.body.data?.id } });
	const agent = await staffUser('Alma', 'Agent', agents.body.data?.id as string);
	agentToken = agent.token;
	agentId = agent.id;
	const onlyPortal = await api<{ id: string }>('POST', '/roles', { body: { name: uniqueName('Portal only') } });
	await api('POST', '/access', { body: { role: onlyPortal.body.data?.id, policy: staffPolicy } });
	bystanderToken = (await staffUser('Bea', 'Bystander', onlyPortal.body.data?.id as string)).token;
});

describe('A ticket’s conversation in the studio', () => {
	test('Staff answer as themselves, saying which: a reply reaches the contact and their mail, a note neither', async () => {
		const ticket = await newTicket();
		const question = await api('POST', '/items/ticket_comments', {
			token: requesterToken,
			body: { ticket, body: 'The printer prints blank labels.' },
		});
		expect(question.status).toBe(200);
		const noteText = `Note ${randomBytes(4).toString('hex')}: their driver is two years old`;
		const note = await write(ticket, { body: noteText, internal: true });
		expect(note.status).toBe(201);
		expect(note.body.data?.internal).toBe(true);
		const replyText = 'Please update the driver — here is how.\n\n1. Open **Settings**';
		expect((await write(ticket, { body: replyText, internal: false })).status).toBe(201);

		expect(await repliesOf(ticket)).toEqual([
			{ body: 'The printer prints blank labels.', is_internal: false, author_user: null },
			{ body: noteText, is_internal: true, author_user: agentId },
			{ body: replyText, is_internal: false, author_user: agentId },
		]);
		// The contact reads the reply, never the note.
		const seen = await api<{ body: string }[]>(
			'GET',
			`/items/ticket_comments?filter[ticket][_eq]=${ticket}&fields=body`,
			{
				token: requesterToken,
			},
		);
		expect(seen.body.data?.map((row) => row.body)).toEqual(['The printer prints blank labels.', replyText]);
		// Mailed: the reply, and nothing of the note.
		const ticketMails = () => ticketMailsTo(requester.email, ticket);
		const [mail] = await eventually(async () => {
			const found = await ticketMails();
			expect(found).toHaveLength(1);
			return found;
		});
		expect(mail?.text).toContain('Please update the driver');
		await new Promise((done) => setTimeout(done, 2_500));
		expect(await ticketMails()).toHaveLength(1);

		const conversation = await conversationOf(ticket);
		expect(conversation.status).toBe(200);
		expect(conversation.body.data?.ticket).toMatchObject({
			id: ticket,
			status: 'open',
			customer: customerName,
			requester: { name: 'Ria Requester', email: requester.email },
		});
		expect(conversation.body.data?.entries).toMatchObject([
			{ body: 'The printer prints blank labels.', internal: false, author: { kind: 'contact', name: 'Ria Requester' } },
			{ body: noteText, internal: true, author: { kind: 'staff', name: 'Alma Agent' } },
			{ body: replyText, internal: false, author: { kind: 'staff', name: 'Alma Agent' } },
		]);
	});

	test('Nothing is written unless the kind is said as true or false, and the text fits', async () => {
		const ticket = await newTicket();
		for (const body of [
			{ body: 'Which one?' },
			{ body: 'Which one?', internal: 'false' },
			{ body: 'Which one?', internal: 0 },
			{ body: 'Which one?', internal: null },
			{ body: '   ', internal: true },
			{ internal: false },
			{ body: 'x'.repeat(50_001), internal: true },
			'Which one?',
		]) {
			const answer = await write(ticket, body);
			expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
			expect(answer.body.errors?.[0]?.message).toMatch(
				/internal note or a reply|Write something|longer than|Invalid payload/,
			);
		}
		expect((await write('not-a-ticket', { body: 'Hello', internal: false })).status).toBe(400);
		expect(await repliesOf(ticket)).toEqual([]);
	});

	test('Only staff, and only on tickets their role reads and answers', async () => {
		const ticket = await newTicket();
		for (const token of [requesterToken, null, bystanderToken]) {
			expect((await conversationOf(ticket, token as string)).status).toBe(403);
			expect((await write(ticket, { body: 'Let me in', internal: false }, token as string)).status).toBe(403);
		}
		// A ticket that does not exist is Directus's 403, as for any row a role cannot read.
		expect((await conversationOf(999_999_999)).status).toBe(403);
		expect((await write(999_999_999, { body: 'Anyone?', internal: false })).status).toBe(403);
		expect(await repliesOf(ticket)).toEqual([]);
	});

	test('Contacts read the staff who answered by the name the settings choose; a note’s author is never named', async () => {
		const ticket = await newTicket();
		const note = await write(ticket, { body: 'Warranty ends in May.', internal: true });
		const reply = await write(ticket, { body: 'Your new monitor ships today.', internal: false });
		const names = (token: string) =>
			api<Record<string, string>>('GET', `/portal/api/tickets/${ticket}/staff-names`, { token });
		try {
			expect((await names(requesterToken)).body.data).toEqual({ [String(reply.body.data?.id)]: 'Alma Agent' });
			expect(
				(await api('PATCH', '/items/portal_settings', { body: { staff_names: 'first_name_initial' } })).status,
			).toBe(200);
			const named = await names(requesterToken);
			expect(named.body.data).toEqual({ [String(reply.body.data?.id)]: 'Alma A.' });
			expect(Object.keys(named.body.data ?? {})).not.toContain(String(note.body.data?.id));
			await api('PATCH', '/items/portal_settings', { body: { staff_names: 'team' } });
			expect((await names(requesterToken)).body.data).toEqual({ [String(reply.body.data?.id)]: 'Service team' });
			// Another customer's contact learns nothing of the ticket; staff and visitors are no portal users.
			const stranger = await createPortalContact(
				(await createRow('customers', { name: uniqueName('Other client') })).id,
				'Administrator',
			);
			expect((await names(await tokenOf(stranger))).body.data).toEqual({});
			expect((await names(agentToken)).status).toBe(403);
			expect((await api('GET', `/portal/api/tickets/${ticket}/staff-names`, { token: null })).status).toBe(403);
			expect(
				(await api('PATCH', '/items/portal_settings', { body: { staff_names: 'nickname' } })).status,
				'a style that is none of the choices',
			).toBe(400);
		} finally {
			await api('PATCH', '/items/portal_settings', { body: { staff_names: 'full_name' } });
		}
	});

	test('A staff member chooses the name contacts read on their replies and mails; it is never an address, and contacts cannot read it otherwise', async () => {
		const ticket = await newTicket();
		const chosen = (body: unknown, token = agentToken) =>
			api<{ display_name: string | null; shown_as: string }>('PATCH', '/portal/api/studio/me/display-name', {
				token,
				body,
			});
		try {
			const set = await chosen({ display_name: '  Alma from Support  ' });
			expect(set.status).toBe(200);
			expect(set.body.data).toEqual({ display_name: 'Alma from Support', shown_as: 'Alma from Support' });
			// Refused in words, and nothing changed.
			for (const [body, words] of [
				[{ display_name: 'alma@helpdesk.example.com' }, 'e-mail address'],
				[{ display_name: 'A'.repeat(61) }, 'at most 60 characters'],
				[{ display_name: 42 }, 'a name as text'],
				[{}, 'Send "display_name"'],
			] as const) {
				const refused = await chosen(body);
				expect(refused.status, JSON.stringify(body)).toBe(400);
				expect(refused.body.errors?.[0]?.message).toContain(words);
			}
			const mine = await api<{ display_name: string | null; shown_as: string }>(
				'GET',
				'/portal/api/studio/me/display-name',
				{ token: agentToken },
			);
			expect(mine.body.data).toEqual({ display_name: 'Alma from Support', shown_as: 'Alma from Support' });
			// Contacts only: a contact has no staff name to choose.
			expect((await chosen({ display_name: 'Ria the Agent' }, requesterToken)).status).toBe(403);

			// It wins over the settings' style, in the portal's conversation and in the reply's mail.
			await api('PATCH', '/items/portal_settings', { body: { staff_names: 'team' } });
			const reply = await write(ticket, { body: 'The new drum is in the post.', internal: false });
			const names = await api<Record<string, string>>('GET', `/portal/api/tickets/${ticket}/staff-names`, {
				token: requesterToken,
			});
			expect(names.body.data).toEqual({ [String(reply.body.data?.id)]: 'Alma from Support' });
			const mail = await theOneMailTo(requester.email, ticket);
			expect(mail?.text).toContain('Alma from Support replied to "');
			expect(mail?.text).not.toContain('helpdesk.example.com');

			// An admin sets it in the User Directory, under the same rules.
			const directory = (value: unknown) => api('PATCH', `/users/${agentId}`, { body: { portal_display_name: value } });
			expect((await directory('alma@helpdesk.example.com')).status).toBe(400);
			expect((await directory('  Alma A. (Support) ')).status).toBe(200);
			const stored = await api<{ portal_display_name: string }>('GET', `/users/${agentId}?fields=portal_display_name`);
			expect(stored.body.data?.portal_display_name).toBe('Alma A. (Support)');

			// Contacts read it only as the author's name the portal serves: not on the user, not by a filter or search.
			const filterByName = `filter[author_user][portal_display_name][_eq]=${encodeURIComponent('Alma A. (Support)')}`;
			for (const path of [
				`/users/${agentId}?fields=portal_display_name`,
				`/users?fields=id,portal_display_name`,
				`/users?filter[portal_display_name][_nnull]=true&fields=id`,
				`/items/ticket_comments?fields=id&${filterByName}`,
				`/items/ticket_comments?fields=author_user.portal_display_name`,
			])
				await expectReadRefused(path, requesterToken);
			// Their own user answers without it (Directus leaves out a field it does not let them read).
			const me = await api<Record<string, unknown>>('GET', '/users/me?fields=id,portal_display_name', {
				token: requesterToken,
			});
			expect(me.body.data ?? {}).not.toHaveProperty('portal_display_name');
			const asGraphql = await api<unknown>('POST', '/graphql', {
				token: requesterToken,
				body: {
					query: `{ ticket_comments(filter: { author_user: { portal_display_name: { _nnull: true } } }) { id } }`,
				},
			});
			expect((asGraphql.body.data as { ticket_comments?: unknown[] } | undefined)?.ticket_comments ?? []).toEqual([]);
			expect(asGraphql.body.errors?.length ?? 0).toBeGreaterThan(0);
			expectRefused(
				await api('PATCH', '/users/me', { token: requesterToken, body: { portal_display_name: 'Not staff' } }),
				'a contact naming themselves as staff',
				{ statuses: [400, 403] },
			);

			// Cleared, the settings' style names them again.
			expect((await chosen({ display_name: null })).body.data).toEqual({
				display_name: null,
				shown_as: 'Service team',
			});
		} finally {
			await api('PATCH', '/items/portal_settings', { body: { staff_names: 'full_name' } });
			await api('PATCH', `/users/${agentId}`, { body: { portal_display_name: null } });
		}
	});

	test('A reply or note sets the ticket’s state in the same step, where the staff member’s role may; else nothing is written', async () => {
		const ticket = await newTicket();
		const statusOf = async () =>
			(await api<{ status: string }>('GET', `/items/tickets/${ticket}?fields=status`)).body.data?.status;
		// The agent's role reads tickets but may not change them: Directus's 403, and neither the reply nor the state.
		const refused = await write(ticket, { body: 'Solved, I think.', internal: false, status: 'resolved' });
		expect(refused.status).toBe(403);
		expect(await repliesOf(ticket)).toEqual([]);
		expect(await statusOf()).toBe('open');
		const unknown = await write(ticket, { body: 'Solved.', internal: false, status: 'solved' });
		expect(unknown.status).toBe(400);
		expect(unknown.body.errors?.[0]?.message).toContain('one of open, pending, resolved, closed');

		// An admin (a role that may) answers and waits on the customer in one step; a note may set a state too.
		const reply = await write(
			ticket,
			{ body: 'Which model is it?', internal: false, status: 'pending' },
			directusUnderTest().adminToken,
		);
		expect(reply.status).toBe(201);
		expect(reply.body.data).toMatchObject({ internal: false, status: 'pending' });
		expect(await statusOf()).toBe('pending');
		// One mail for the one step: the reply's, saying the ticket now waits on the contact.
		const waiting = await theOneMailTo(requester.email, ticket);
		expect(waiting?.subject).toMatch(new RegExp(`^\\[#${ticket}\\] Label printer`));
		expect(waiting?.text).toContain('Which model is it?');
		expect(waiting?.text).toContain('replied to "');
		expect(waiting?.text).toContain('it is waiting on you');
		expect(waiting?.text).toContain('Your ticket waits on you');
		expect(
			(
				await write(
					ticket,
					{ body: 'Closing: no answer.', internal: true, status: 'closed' },
					directusUnderTest().adminToken,
				)
			).status,
		).toBe(201);
		expect(await statusOf()).toBe('closed');
		expect((await repliesOf(ticket)).map(({ body, is_internal }) => [body, is_internal])).toEqual([
			['Which model is it?', false],
			['Closing: no answer.', true],
		]);
		// Without a state the ticket keeps its own.
		expect((await write(ticket, { body: 'PS', internal: true }, directusUnderTest().adminToken)).status).toBe(201);
		expect(await statusOf()).toBe('closed');
		// Neither the closing note nor the PS is mailed.
		await new Promise((done) => setTimeout(done, 2_500));
		expect(await ticketMailsTo(requester.email, ticket)).toHaveLength(1);
	});

	test('A reply that resolves the ticket is one mail to a follower who takes replies; one who turned replies off gets the state alone', async () => {
		const ticket = await newTicket();
		const quiet = await createPortalContact(requester.customer, 'Basic', { first_name: 'Quinn', last_name: 'Quiet' });
		await createRow('ticket_participants', { ticket, contact: quiet.id, kind: 'cc' });
		const quietToken = await tokenOf(quiet);
		const off = await api('PATCH', '/portal/api/me/notifications', { token: quietToken, body: { replies: false } });
		expect(off.status).toBe(200);
		// The requester turned status mails off: the reply still comes, and says what it did.
		const statusOff = await api('PATCH', '/portal/api/me/notifications', {
			token: requesterToken,
			body: { status: false },
		});
		expect(statusOff.status).toBe(200);
		try {
			const answer = await write(
				ticket,
				{ body: 'Replaced the print head.', internal: false, status: 'resolved' },
				directusUnderTest().adminToken,
			);
			expect(answer.status).toBe(201);
			const toRequester = await theOneMailTo(requester.email, ticket);
			const toQuiet = await theOneMailTo(quiet.email, ticket);
			await new Promise((done) => setTimeout(done, 2_500));
			expect(await ticketMailsTo(requester.email, ticket)).toHaveLength(1);
			expect(await ticketMailsTo(quiet.email, ticket)).toHaveLength(1);
			expect(toRequester?.text).toContain('Replaced the print head.');
			expect(toRequester?.text).toContain('and marked it resolved');
			expect(toRequester?.text).toMatch(/\/portal\/unsubscribe\?token=/);
			expect(toQuiet?.subject).toMatch(new RegExp(`^\\[#${ticket}\\] Resolved: `));
			expect(toQuiet?.text).not.toContain('Replaced the print head.');
		} finally {
			await api('PATCH', '/portal/api/me/notifications', { token: requesterToken, body: { status: true } });
		}
	});

	test('Staff attach files: a reply’s are the contact’s to open and named in its mail; a note’s stay staff-only over REST, GraphQL and /assets', async () => {
		const ticket = await newTicket();
		const upload = async (to: number, filename: string, body: string, type = 'application/pdf', token = agentToken) => {
			const response = await fetch(
				`${directusUnderTest().url}/portal/api/studio/tickets/${to}/attachments?filename=${encodeURIComponent(filename)}`,
				{ method: 'POST', headers: { 'Content-Type': type, 'Authorization': `Bearer ${token}` }, body },
			);
			return {
				status: response.status,
				body: (await response.json()) as { data?: { id: number; file: string }; errors?: { message: string }[] },
			};
		};
		const forReply = await upload(ticket, 'report.pdf', '%PDF-1.4 the report');
		expect(forReply.status).toBe(201);
		const forNote = await upload(ticket, '../their config.txt', 'password=hunter2', 'text/plain');
		expect(forNote.status).toBe(201);
		// The contacts' upload rules: no program, a name; a ticket the staff member's role does not read; no contact.
		const program = await upload(ticket, 'run.sh', '#!/bin/sh', 'application/x-sh');
		expect(program.status).toBe(400);
		expect(program.body.errors?.[0]?.message).toContain('cannot be attached');
		expect((await upload(ticket, '', 'x', 'text/plain')).status).toBe(400);
		expect((await upload(ticket, 'x.txt', 'x', 'text/plain', bystanderToken)).status).toBe(403);
		expect((await upload(ticket, 'x.txt', 'x', 'text/plain', requesterToken)).status).toBe(403);
		const otherTicket = await newTicket();
		const elsewhere = await upload(otherTicket, 'elsewhere.pdf', '%PDF-1.4 elsewhere');

		// A reply names only files its writer uploaded to this ticket: another's, or another ticket's, writes nothing.
		const admin = directusUnderTest().adminToken;
		for (const [attachments, token] of [
			[[forNote.body.data?.id], admin],
			[[elsewhere.body.data?.id], agentToken],
			[[999_999_999], agentToken],
		] as const) {
			const refused = await write(ticket, { body: 'With files', internal: false, attachments }, token);
			expect(refused.status, JSON.stringify(attachments)).toBe(400);
			expect(refused.body.errors?.[0]?.message).toContain('Attach only files you uploaded to this ticket');
		}
		expect(await repliesOf(ticket)).toEqual([]);

		expect(
			(await write(ticket, { body: 'Their config, for us.', internal: true, attachments: [forNote.body.data?.id] }))
				.status,
		).toBe(201);
		expect(
			(await write(ticket, { body: 'Here is the report.', internal: false, attachments: [forReply.body.data?.id] }))
				.status,
		).toBe(201);
		const mail = await theOneMailTo(requester.email, ticket);
		expect(mail?.text).toContain('Attached on the ticket: report.pdf');
		expect(mail?.text).not.toContain('config');

		// The contact opens the reply's file, and reaches nothing of the note's: not its row, file or bytes.
		const rows = await api<{ file: { filename_download: string } }[]>(
			'GET',
			`/items/ticket_attachments?filter[ticket][_eq]=${ticket}&fields=file.filename_download`,
			{ token: requesterToken },
		);
		expect(rows.body.data?.map((row) => row.file.filename_download)).toEqual(['report.pdf']);
		const bytes = (file: string | undefined) =>
			fetch(`${directusUnderTest().url}/assets/${file}`, { headers: { Authorization: `Bearer ${requesterToken}` } });
		const opened = await bytes(forReply.body.data?.file);
		expect(opened.status).toBe(200);
		expect(await opened.text()).toBe('%PDF-1.4 the report');
		expect((await bytes(forNote.body.data?.file)).status).toBe(403);
		expectRefused(await api('GET', `/files/${forNote.body.data?.file}`, { token: requesterToken }), 'the note’s file');
		const viaGraphql = await api<{ ticket_attachments: { file: { filename_download: string } | null }[] }>(
			'POST',
			'/graphql',
			{
				token: requesterToken,
				body: {
					query: `{ ticket_attachments(filter: { ticket: { id: { _eq: ${ticket} } } }) { file { filename_download } } }`,
				},
			},
		);
		expect(viaGraphql.body.data?.ticket_attachments.map((row) => row.file?.filename_download)).toEqual(['report.pdf']);
		const fileViaGraphql = await api<{ files_by_id: unknown }>('POST', '/graphql/system', {
			token: requesterToken,
			body: { query: `{ files_by_id(id: "${forNote.body.data?.file}") { id filename_download } }` },
		});
		expect(fileViaGraphql.body.data?.files_by_id ?? null).toBeNull();
		// Staff keep both, and see which the customer sees.
		const files = (await conversationOf(ticket)).body.data?.files;
		expect(files?.map(({ name, shown }) => [name, shown])).toEqual([
			['report.pdf', true],
			[expect.stringContaining('config.txt'), false],
		]);
		const all = await api<{ is_public: boolean }[]>(
			'GET',
			`/items/ticket_attachments?filter[ticket][_eq]=${ticket}&fields=is_public&sort=id`,
		);
		expect(all.body.data?.map((row) => row.is_public)).toEqual([true, false]);
	});

	test('Text is kept and shown as written: right-to-left, Markdown, HTML and a long unbroken line', async () => {
		const ticket = await newTicket();
		const words = `مرحبا، تم إصلاح الطابعة.\n<script>alert(1)</script> **bold** ${'ß'.repeat(3_000)}`;
		expect((await write(ticket, { body: `  ${words}\n`, internal: false })).status).toBe(201);
		const conversation = await conversationOf(ticket);
		expect(conversation.body.data?.entries.map((entry) => entry.body)).toEqual([words]);
	});
});

describe('Satisfaction ratings', () => {
	interface RatingState {
		rating: { rating: string; comment: string | null } | null;
		canRate: boolean;
	}
	interface RatingsReport {
		counts: { days: number; good: number; bad: number }[];
		ratings: {
			ticket: { id: number; subject: string };
			contact: { name: string } | null;
			customer: string | null;
			rating: string;
			comment: string | null;
		}[];
	}
	/** Sees every ticket of the requester's customer. */
	let colleagueToken: string;
	/** A contact of another customer. */
	let strangerToken: string;

	const rate = (ticket: number, body: unknown, token = requesterToken) =>
		api<RatingState>('POST', `/portal/api/tickets/${ticket}/rating`, { token, body });
	const ratingsReport = (query = '', token = agentToken) =>
		api<RatingsReport>('GET', `/portal/api/studio/ratings${query}`, { token });
	async function storedRatings(ticket: number) {
		const rows = await api<{ rating: string; comment: string | null; contact_key: string }[]>(
			'GET',
			`/items/portal_ticket_ratings?filter[ticket_key][_eq]=${ticket}&fields=rating,comment,contact_key`,
		);
		return rows.body.data ?? [];
	}
	/** A ticket of the requester's, resolved, with the agent as its assignee. */
	async function resolvedTicket(): Promise<number> {
		const ticket = await newTicket();
		await api('PATCH', `/items/tickets/${ticket}`, { body: { status: 'resolved', assignee: agentId } });
		return ticket;
	}

	beforeAll(async () => {
		const colleague = await createPortalContact(requester.customer, 'Manager', { last_name: 'Colleague' });
		colleagueToken = await tokenOf(colleague);
		const other = (await createRow('customers', { name: uniqueName('Other client') })).id;
		strangerToken = await tokenOf(await createPortalContact(other, 'Manager'));
	});

	test('The requester rates a resolved ticket and changes it; the re-rating replaces theirs', async () => {
		const ticket = await resolvedTicket();
		const first = await rate(ticket, { rating: 'good', comment: '  Quick and kind.  ' });
		expect(first.status).toBe(200);
		expect(first.body.data).toMatchObject({ rating: { rating: 'good', comment: 'Quick and kind.' }, canRate: true });
		const read = await api<RatingState>('GET', `/portal/api/tickets/${ticket}/rating`, { token: requesterToken });
		expect(read.body.data?.rating?.rating).toBe('good');
		expect((await rate(ticket, { rating: 'bad' })).status).toBe(200);
		expect(await storedRatings(ticket)).toEqual([{ rating: 'bad', comment: null, contact_key: String(requester.id) }]);
	});

	test('A ticket that is not resolved, another customer’s ticket and a colleague’s rating are refused in words; nothing is stored', async () => {
		const open = await newTicket();
		const notYet = await rate(open, { rating: 'good' });
		expect(notYet.status).toBe(403);
		expect(notYet.body.errors?.[0]?.message).toBe('A ticket can be rated once it is resolved or closed.');

		const ticket = await resolvedTicket();
		// The colleague sees the ticket, but only its requester rates it.
		expect((await api('GET', `/items/tickets/${ticket}?fields=id`, { token: colleagueToken })).status).toBe(200);
		const colleague = await rate(ticket, { rating: 'bad' }, colleagueToken);
		expect(colleague.status).toBe(403);
		expect(colleague.body.errors?.[0]?.message).toBe('Only the person who asked for this ticket can rate it.');
		// Another customer's contact does not see it: Directus's own refusal, whether it exists or not.
		expect((await rate(ticket, { rating: 'bad' }, strangerToken)).status).toBe(403);
		expect((await rate(999_999_999, { rating: 'bad' }, strangerToken)).status).toBe(403);
		expect((await api('GET', `/portal/api/tickets/${ticket}/rating`, { token: strangerToken })).status).toBe(403);
		expect(await storedRatings(open)).toEqual([]);
		expect(await storedRatings(ticket)).toEqual([]);
	});

	test('Bad values and an over-long comment are 400 in words; nothing is stored', async () => {
		const ticket = await resolvedTicket();
		for (const body of [{}, { rating: 'great' }, { rating: 5 }, { rating: 'good', comment: 7 }]) {
			const refused = await rate(ticket, body);
			expect(refused.status, JSON.stringify(body)).toBe(400);
			expect(refused.body.errors?.[0]?.extensions?.code).toBe('INVALID_RATING');
		}
		const long = await rate(ticket, { rating: 'good', comment: 'x'.repeat(1_001) });
		expect(long.status).toBe(400);
		expect(long.body.errors?.[0]?.message).toBe('The comment is 1001 characters long; it may be at most 1000.');
		expect(await storedRatings(ticket)).toEqual([]);
	});

	test(`One contact rates at most ${ratingsPerHour} times an hour; then 429 in words, and the rating stays`, async () => {
		const rater = await createPortalContact(requester.customer, 'Basic', { last_name: 'Rater' });
		const raterToken = await tokenOf(rater);
		const ticket = (
			await createRow('tickets', {
				customer: requester.customer,
				contact: rater.id,
				subject: 'Rated',
				status: 'closed',
			})
		).id;
		for (let turn = 0; turn < ratingsPerHour; turn += 1)
			expect((await rate(ticket, { rating: 'good', comment: `Turn ${turn}` }, raterToken)).status).toBe(200);
		const over = await rate(ticket, { rating: 'bad' }, raterToken);
		expect(over.status).toBe(429);
		expect(over.body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_RATINGS');
		expect(await storedRatings(ticket)).toEqual([
			{ rating: 'good', comment: `Turn ${ratingsPerHour - 1}`, contact_key: String(rater.id) },
		]);
	});

	test('Contacts hold no permission on the ratings, through REST or GraphQL', async () => {
		const ticket = await resolvedTicket();
		expect((await rate(ticket, { rating: 'good' })).status).toBe(200);
		for (const token of [requesterToken, colleagueToken]) {
			expect((await api('GET', '/items/portal_ticket_ratings', { token })).status).toBe(403);
			expect(
				(
					await api('POST', '/items/portal_ticket_ratings', {
						token,
						body: { ticket_key: String(ticket), rating: 'bad' },
					})
				).status,
			).toBe(403);
			const graphql = await api<Record<string, unknown> | null>('POST', '/graphql', {
				token,
				body: { query: '{ portal_ticket_ratings { id rating } }' },
			});
			expect(graphql.body.data?.['portal_ticket_ratings'] ?? null).toBeNull();
			expect(graphql.body.errors?.length).toBeGreaterThan(0);
		}
	});

	test('A bad rating tells the ticket’s assignee; staff see the ratings of tickets they read, contacts and staff who read no tickets see none', async () => {
		const ticket = await resolvedTicket();
		const comment = `Took ${randomBytes(3).toString('hex')} days`;
		expect((await rate(ticket, { rating: 'bad', comment })).status).toBe(200);
		await eventually(async () => {
			const notices = await api<{ subject: string; item: string }[]>(
				'GET',
				`/notifications?filter[recipient][_eq]=${agentId}&filter[item][_eq]=${ticket}&fields=subject,item`,
			);
			expect(notices.body.data?.map((notice) => notice.subject)).toEqual([
				expect.stringMatching(/^Ria Requester \(.+\) rated the service on a ticket as bad: Label printer/),
			]);
		});

		const report = await ratingsReport('?rating=bad');
		expect(report.status).toBe(200);
		const listed = report.body.data?.ratings.find((row) => row.ticket.id === ticket);
		expect(listed).toMatchObject({
			rating: 'bad',
			comment,
			customer: customerName,
			contact: { name: 'Ria Requester' },
		});
		expect(report.body.data?.ratings.every((row) => row.rating === 'bad')).toBe(true);
		const [days30, days90] = report.body.data?.counts ?? [];
		expect(days30?.days).toBe(30);
		expect(days90?.days).toBe(90);
		expect(days30?.bad).toBeGreaterThanOrEqual(1);
		const one = await ratingsReport(`?ticket=${ticket}`);
		expect(one.body.data?.ratings.map((row) => row.ticket.id)).toEqual([ticket]);

		expect((await ratingsReport('', requesterToken)).status).toBe(403);
		expect((await ratingsReport('', bystanderToken)).status).toBe(403);
		const nonsense = await ratingsReport('?rating=great');
		expect(nonsense.status).toBe(400);
	});

	test('The requester’s resolved mail asks how we did, with links that only open the ticket', async () => {
		const ticket = await resolvedTicket();
		const [mail] = await eventually(async () => {
			const found = (await ticketMailsTo(requester.email, ticket)).filter((one) => one.subject.includes('Resolved'));
			expect(found).toHaveLength(1);
			return found;
		});
		expect(mail?.text).toContain(`/portal/tickets/${ticket}?rate=good`);
		expect(mail?.text).toContain(`/portal/tickets/${ticket}?rate=bad`);
		// Following a link rates nothing: it is the portal's page, which asks first.
		expect(await storedRatings(ticket)).toEqual([]);

		// A staff reply that resolves the ticket is the one mail, and asks the same.
		const answered = await newTicket();
		expect(
			(
				await write(
					answered,
					{ body: 'Replaced the print head.', internal: false, status: 'resolved' },
					directusUnderTest().adminToken,
				)
			).status,
		).toBe(201);
		const reply = await theOneMailTo(requester.email, answered);
		expect(reply?.text).toContain('Replaced the print head.');
		expect(reply?.text).toContain(`/portal/tickets/${answered}?rate=good`);
	});
});
