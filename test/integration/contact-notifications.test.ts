/**
 * Contacts hear by e-mail what staff do on the tickets they follow: a public reply (never an internal note),
 * a ticket that now waits on them or is resolved (once, not again for the same state), and a change of their
 * own password. Every mail goes through the outbox with a signed one-click unsubscribe for its kind; a contact
 * who turned a kind off (by the link, a mail client's one-click POST, or the profile) gets no more of it. Each
 * contact's mail is in their own Directus language.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { mailsTo, type ReceivedMail, waitForMail } from '../../scripts/lib/mail-sink.ts';
import { api, createRow, directusUnderTest } from '../support/directus-under-test.ts';
import { eventually } from '../support/eventually.ts';
import { expectRefused } from '../support/expect-refused.ts';
import { createPortalContact, type PortalContact, tokenOf, uniqueName } from '../support/portal-users.ts';

let requester: PortalContact;
let colleague: PortalContact;
let requesterToken: string;
const mailFolder = () => directusUnderTest().mailFolder;

async function newTicket(subject = uniqueName('Scanner offline')): Promise<{ id: number; subject: string }> {
	const ticket = await createRow('tickets', { customer: requester.customer, contact: requester.id, subject });
	await createRow('ticket_participants', { ticket: ticket.id, contact: colleague.id, kind: 'cc' });
	return { id: ticket.id, subject };
}

/** Waits for `count` mails to `address` whose subject names the ticket, and returns them. */
async function ticketMails(address: string, ticket: number, count: number): Promise<ReceivedMail[]> {
	return eventually(
		async () => {
			const mails = (await mailsTo(mailFolder(), address)).filter((mail) => mail.subject.startsWith(`[#${ticket}]`));
			expect(mails.length).toBeGreaterThanOrEqual(count);
			return mails;
		},
		{ timeoutMs: 30_000 },
	);
}

/** A moment for anything wrongly queued to arrive too. */
const settle = () => new Promise((done) => setTimeout(done, 2_500));

const linkIn = (text: string) => /\/portal\/unsubscribe\?token=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';

beforeAll(async () => {
	const customer = (await createRow('customers', { name: uniqueName('Mailed client') })).id;
	requester = await createPortalContact(customer, 'Manager', { first_name: 'Rita', last_name: 'Requester' });
	colleague = await createPortalContact(customer, 'Basic', { first_name: 'Colin', last_name: 'Colleague' });
	requesterToken = await tokenOf(requester);
});

describe('Contact notifications', () => {
	test('A staff reply reaches the requester and the cc’d colleague, with a one-click unsubscribe; an internal note reaches no one', async () => {
		const ticket = await newTicket();
		const internal = `Internal ${randomBytes(4).toString('hex')}: check their firewall`;
		await api('POST', '/items/ticket_comments', { body: { ticket: ticket.id, body: internal } });
		const words = 'We replaced the scanner.\n\nIt should be back <b>online</b> now — **tell us** if not.';
		const reply = await api('POST', '/items/ticket_comments', {
			body: { ticket: ticket.id, body: words, is_internal: false },
		});
		expect(reply.status).toBe(200);

		const [toRequester] = await ticketMails(requester.email, ticket.id, 1);
		const [toColleague] = await ticketMails(colleague.email, ticket.id, 1);
		await settle();
		for (const address of [requester.email, colleague.email]) {
			const mails = await mailsTo(mailFolder(), address);
			expect(mails.filter((mail) => mail.subject.startsWith(`[#${ticket.id}]`))).toHaveLength(1);
			expect(mails.some((mail) => mail.text.includes(internal))).toBe(false);
		}
		expect(toRequester?.subject).toBe(`[#${ticket.id}] ${ticket.subject}`);
		expect(toRequester?.text).toContain('It should be back <b>online</b> now');
		expect(toRequester?.html).toContain('&lt;b&gt;online&lt;/b&gt;');
		// Markdown rendered in the HTML part (the writer's HTML stays text), as written in the text part.
		expect(toRequester?.html).toContain('<strong>tell us</strong>');
		expect(toRequester?.text).toContain('**tell us**');
		expect(toRequester?.text).toContain(`/portal/tickets/${ticket.id}`);
		expect(toColleague?.text).toContain('We replaced the scanner.');
		// RFC 8058: the mail says how a mail client unsubscribes in one click.
		// Headers unfolded (a long one is folded onto the next line).
		const raw = (await readFile(join(mailFolder(), toRequester?.file ?? ''), 'utf8')).replace(/\r?\n[ \t]+/g, ' ');
		expect(raw).toMatch(/^List-Unsubscribe: <http:\/\/127\.0\.0\.1:\d+\/portal\/api\/unsubscribe\?token=/m);
		expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
	});

	test('Waiting on the customer and resolved are told once each; other statuses are not', async () => {
		const ticket = await newTicket();
		for (const status of ['open', 'pending', 'pending', 'open', 'resolved']) {
			expect((await api('PATCH', `/items/tickets/${ticket.id}`, { body: { status } })).status).toBe(200);
			// One at a time, as staff work: each change reads the state the one before left.
			await new Promise((done) => setTimeout(done, 300));
		}
		await ticketMails(requester.email, ticket.id, 2);
		await settle();
		const subjects = (await mailsTo(mailFolder(), requester.email))
			.filter((mail) => mail.subject.startsWith(`[#${ticket.id}]`))
			.map((mail) => mail.subject)
			.sort();
		expect(subjects).toEqual(
			[`[#${ticket.id}] Resolved: ${ticket.subject}`, `[#${ticket.id}] Waiting on you: ${ticket.subject}`].sort(),
		);
	});

	test('A reply and a new state saved together, as Directus’s item screen saves them, are one mail; with an internal note, the state’s alone', async () => {
		const ticket = await newTicket();
		const saved = await api('PATCH', `/items/tickets/${ticket.id}`, {
			body: {
				status: 'pending',
				comments: { create: [{ body: 'Which firmware does it run?', is_internal: false }], update: [], delete: [] },
			},
		});
		expect(saved.status).toBe(200);
		const [joined] = await ticketMails(requester.email, ticket.id, 1);
		expect(joined?.text).toContain('Which firmware does it run?');
		expect(joined?.text).toContain('it is waiting on you');

		// A note and a state: the note tells no one, the state is told.
		const noted = await api('PATCH', `/items/tickets/${ticket.id}`, {
			body: {
				status: 'resolved',
				comments: {
					create: [{ body: 'Firmware 2.1 fixes it (staff only)', is_internal: true }],
					update: [],
					delete: [],
				},
			},
		});
		expect(noted.status).toBe(200);
		await ticketMails(requester.email, ticket.id, 2);
		await settle();
		const mails = (await mailsTo(mailFolder(), requester.email)).filter((mail) =>
			mail.subject.startsWith(`[#${ticket.id}]`),
		);
		expect(mails.map((mail) => mail.subject).sort()).toEqual(
			[`[#${ticket.id}] ${ticket.subject}`, `[#${ticket.id}] Resolved: ${ticket.subject}`].sort(),
		);
		expect(mails.some((mail) => mail.text.includes('staff only'))).toBe(false);
	});

	test('A contact a colleague adds to a ticket is told who did; not one added by staff, nor one who turned it off', async () => {
		const ticket = await newTicket();
		const added = await createPortalContact(requester.customer, 'Basic', { first_name: 'Ada', last_name: 'Added' });
		const quiet = await createPortalContact(requester.customer, 'Basic', { first_name: 'Quinn', last_name: 'Quiet' });
		const off = await api('PATCH', '/portal/api/me/notifications', {
			token: await tokenOf(quiet),
			body: { added: false },
		});
		expect(off.status).toBe(200);
		for (const contact of [added, quiet])
			expect(
				(
					await api('POST', '/items/ticket_participants', {
						token: requesterToken,
						body: { ticket: ticket.id, contact: contact.id },
					})
				).status,
			).toBe(200);

		const [told] = await ticketMails(added.email, ticket.id, 1);
		expect(told?.subject).toBe(`[#${ticket.id}] You were added: ${ticket.subject}`);
		expect(told?.text).toContain(`Rita Requester added you to the ticket "${ticket.subject}" (#${ticket.id}).`);
		expect(told?.text).toContain(`/portal/tickets/${ticket.id}`);
		expect(told?.text).toMatch(/\/portal\/unsubscribe\?token=/);
		await settle();
		expect(await mailsTo(mailFolder(), quiet.email)).toEqual([]);
		// The colleague staff put on the ticket (newTicket) hears of it with the next reply, not now.
		expect(
			(await mailsTo(mailFolder(), colleague.email)).filter((mail) => mail.subject.startsWith(`[#${ticket.id}]`)),
		).toEqual([]);
	});

	test('The unsubscribe link stops that kind for that contact only; the profile turns it back on', async () => {
		const first = await newTicket();
		await api('POST', '/items/ticket_comments', {
			body: { ticket: first.id, body: 'First answer', is_internal: false },
		});
		const [mail] = await ticketMails(requester.email, first.id, 1);
		const token = linkIn(mail?.text ?? '');
		expect(token).not.toBe('');

		// A tampered or foreign token: refused in words, nothing changes.
		const [payload, signature] = token.split('.');
		for (const bad of [`${payload}.${'A'.repeat(signature?.length ?? 43)}`, 'nonsense', '']) {
			expect((await api('GET', `/portal/api/unsubscribe?token=${bad}`, { token: null })).body.data).toEqual({
				valid: false,
			});
			expectRefused(await api('POST', `/portal/api/unsubscribe?token=${bad}`, { token: null }), 'bad token', {
				statuses: [400],
			});
		}
		const lookup = await api<{ valid: boolean; kind: string }>('GET', `/portal/api/unsubscribe?token=${token}`, {
			token: null,
		});
		expect(lookup.body.data).toMatchObject({ valid: true, kind: 'replies' });
		expect((await api('GET', '/portal/api/me/notifications', { token: requesterToken })).body.data).toEqual({
			replies: true,
			status: true,
			added: true,
			account: true,
		});

		// A mail client's one-click unsubscribe: a form POST to the List-Unsubscribe address.
		const oneClick = await fetch(`${directusUnderTest().url}/portal/api/unsubscribe?token=${token}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: 'List-Unsubscribe=One-Click',
		});
		expect(oneClick.status).toBe(200);
		expect((await api('GET', '/portal/api/me/notifications', { token: requesterToken })).body.data).toEqual({
			replies: false,
			status: true,
			added: true,
			account: true,
		});

		const second = await newTicket();
		await api('POST', '/items/ticket_comments', {
			body: { ticket: second.id, body: 'Second answer', is_internal: false },
		});
		await ticketMails(colleague.email, second.id, 1);
		await api('PATCH', `/items/tickets/${second.id}`, { body: { status: 'pending' } });
		// Status mail still comes (another kind); the reply does not.
		const toRequester = await ticketMails(requester.email, second.id, 1);
		await settle();
		expect(toRequester.map((received) => received.subject)).toEqual([
			`[#${second.id}] Waiting on you: ${second.subject}`,
		]);

		// Bad input to the profile: a clear 400, nothing changed.
		for (const body of [{ replies: 'yes' }, { marketing: false }, {}, [true]])
			expectRefused(
				await api('PATCH', '/portal/api/me/notifications', { token: requesterToken, body }),
				JSON.stringify(body),
				{ statuses: [400] },
			);
		expect(
			(await api('PATCH', '/portal/api/me/notifications', { token: requesterToken, body: { replies: true } })).body
				.data,
		).toEqual({ replies: true, status: true, added: true, account: true });
		const third = await newTicket();
		await api('POST', '/items/ticket_comments', {
			body: { ticket: third.id, body: 'Third answer', is_internal: false },
		});
		await ticketMails(requester.email, third.id, 1);
	});

	test('Each follower is mailed in their own Directus language: German to one whose language is de-DE, English to another', async () => {
		const german = await createPortalContact(requester.customer, 'Basic', { first_name: 'Greta', last_name: 'Gerber' });
		const english = await createPortalContact(requester.customer, 'Basic', { first_name: 'Eric', last_name: 'Evans' });
		expect((await api('PATCH', `/users/${german.userId}`, { body: { language: 'de-DE' } })).status).toBe(200);
		const subject = uniqueName('Drucker offline');
		const ticket = await createRow('tickets', { customer: requester.customer, contact: german.id, subject });
		await createRow('ticket_participants', { ticket: ticket.id, contact: english.id, kind: 'cc' });
		const words = 'Wir haben den Drucker neu gestartet.';
		await api('POST', '/items/ticket_comments', { body: { ticket: ticket.id, body: words, is_internal: false } });
		expect((await api('PATCH', `/items/tickets/${ticket.id}`, { body: { status: 'pending' } })).status).toBe(200);

		const bySubject = (mails: ReceivedMail[]) => new Map(mails.map((mail) => [mail.subject, mail]));
		const toGerman = bySubject(await ticketMails(german.email, ticket.id, 2));
		const toEnglish = bySubject(await ticketMails(english.email, ticket.id, 2));
		const germanReply = toGerman.get(`[#${ticket.id}] ${subject}`);
		expect(germanReply?.text).toContain(`hat auf „${subject}“ geantwortet`);
		expect(germanReply?.text).toContain(words);
		expect(germanReply?.text).toContain('Ticket ansehen und antworten:');
		expect(germanReply?.text).toContain(`Sie erhalten diese E-Mail, weil Sie an Ticket #${ticket.id} beteiligt sind.`);
		expect(germanReply?.text).not.toContain('replied to');
		expect(germanReply?.html).toContain('<html lang="de">');
		const germanStatus = toGerman.get(`[#${ticket.id}] Wartet auf Ihre Antwort: ${subject}`);
		expect(germanStatus?.text).toContain('Guten Tag Greta Gerber,');
		expect(germanStatus?.text).toContain('Im Ticket antworten:');

		const englishReply = toEnglish.get(`[#${ticket.id}] ${subject}`);
		expect(englishReply?.text).toContain(`replied to "${subject}"`);
		expect(englishReply?.text).toContain(words);
		expect(englishReply?.text).toContain(`You get this e-mail because you follow ticket #${ticket.id}.`);
		expect(englishReply?.html).toContain('<html lang="en">');
		const englishStatus = toEnglish.get(`[#${ticket.id}] Waiting on you: ${subject}`);
		expect(englishStatus?.text).toContain('Hello Eric Evans,');
	});

	test('A colleague’s public reply in the portal reaches the other followers, named, and not its author', async () => {
		const ticket = await newTicket();
		const written = await api('POST', '/items/ticket_comments', {
			token: requesterToken,
			body: { ticket: ticket.id, body: 'I restarted it too; still offline.' },
		});
		expect(written.status).toBe(200);
		const [toColleague] = await ticketMails(colleague.email, ticket.id, 1);
		expect(toColleague?.subject).toBe(`[#${ticket.id}] ${ticket.subject}`);
		expect(toColleague?.text).toContain(`Rita Requester replied to "${ticket.subject}"`);
		expect(toColleague?.text).toContain('I restarted it too; still offline.');
		await settle();
		expect(
			(await mailsTo(mailFolder(), requester.email)).filter((mail) => mail.subject.startsWith(`[#${ticket.id}]`)),
		).toEqual([]);
	});

	test('A suspended login is told to its owner: by staff on the contact, and in Directus’s User Directory', async () => {
		const byContact = await createPortalContact(requester.customer, 'Basic', { first_name: 'Sam' });
		const byDirectory = await createPortalContact(requester.customer, 'Basic', { first_name: 'Sue' });
		expect((await api('PATCH', `/items/contacts/${byContact.id}`, { body: { login_suspended: true } })).status).toBe(
			200,
		);
		expect((await api('PATCH', `/users/${byDirectory.userId}`, { body: { status: 'suspended' } })).status).toBe(200);
		for (const contact of [byContact, byDirectory]) {
			const mail = await waitForMail(mailFolder(), contact.email);
			expect(mail.subject).toMatch(/^Your login to .+ was suspended$/);
			expect(linkIn(mail.text)).not.toBe('');
		}
		await settle();
		for (const contact of [byContact, byDirectory]) expect(await mailsTo(mailFolder(), contact.email)).toHaveLength(1);
	});

	test('The password-reset mail for the portal is the portal’s, in its name; a staff reset keeps Directus’s', async () => {
		const owner = await createPortalContact(requester.customer, 'Basic', { first_name: 'Rhea', last_name: 'Reset' });
		const resetUrl = `${directusUnderTest().url}/portal/reset-password`;
		expect(
			(await api('POST', '/auth/password/request', { token: null, body: { email: owner.email, reset_url: resetUrl } }))
				.status,
		).toBe(204);
		const mail = await waitForMail(mailFolder(), owner.email);
		expect(mail.subject).toMatch(/^Reset your password for .+$/);
		expect(mail.text).toContain('Hello Rhea Reset,');
		expect(mail.text).toMatch(
			/Choose a new password: http:\/\/127\.0\.0\.1:\d+\/portal\/reset-password\?token=[\w.-]+/,
		);
		expect(mail.html).toContain('Choose a new password</a>');

		const staffEmail = `staff-${randomBytes(5).toString('hex')}@helpdesk.example.com`;
		await api('POST', '/users', {
			body: { email: staffEmail, password: randomBytes(12).toString('hex'), status: 'active' },
		});
		await api('POST', '/auth/password/request', { token: null, body: { email: staffEmail } });
		expect((await waitForMail(mailFolder(), staffEmail)).subject).toBe('Password Reset Request');
	});

	test('A changed password is told to its owner', async () => {
		const owner = await createPortalContact(requester.customer, 'Basic', { first_name: 'Paula' });
		const token = await tokenOf(owner);
		const changed = await api('POST', '/portal/api/me/password', {
			token,
			body: { current_password: owner.password, new_password: 'a-brand-new-password-9' },
		});
		expect(changed.status).toBe(204);
		const mail = await waitForMail(mailFolder(), owner.email);
		expect(mail.subject).toMatch(/^Your password for .+ was changed$/);
		expect(linkIn(mail.text)).not.toBe('');
	});

	test('Only the contact reads or changes their e-mail choices; nobody else reads anyone’s', async () => {
		for (const token of [null, await tokenOf(colleague)]) {
			expectRefused(await api('GET', '/items/portal_mail_optouts', { token }), 'opt-outs');
			expectRefused(await api('GET', '/items/portal_outbox', { token }), 'outbox');
		}
		expectRefused(await api('GET', '/portal/api/me/notifications', { token: null }), 'anonymous preferences');
		expectRefused(await api('GET', '/portal/api/me/notifications'), 'staff have no portal preferences');
		// The colleague's own choices are their own: the requester's change did not touch them.
		expect((await api('GET', '/portal/api/me/notifications', { token: await tokenOf(colleague) })).body.data).toEqual({
			replies: true,
			status: true,
			added: true,
			account: true,
		});
	});
});
