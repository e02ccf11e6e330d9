/**
 * Invitation-driven sign-up through the real API, with e-mail through a real SMTP server:
 * enable login -> e-mail -> lookup -> accept -> sign in -> see own tickets, and every way it must refuse.
 */
import { describe, expect, test } from 'vitest';
import { api, createRow, directDatabase, directusUnderTest } from '../support/directus-under-test.ts';
import { mailsTo, waitForMail } from '../../scripts/lib/mail-sink.ts';
import { eventually } from '../support/eventually.ts';
import { acceptTwiceAtOnce } from '../support/accept-twice-at-once.ts';
import { createPortalContact, groupId, signIn, tokenOf, uniqueName } from '../support/portal-users.ts';

const mailFolder = () => directusUnderTest().mailFolder;
const uniqueEmail = () => `${uniqueName('invitee').replace(' ', '-')}@client.example.com`;

async function newContact(extra: Record<string, unknown> = {}) {
	const customer = await createRow<{ id: number; name: string }>('customers', { name: uniqueName('Client') });
	const email = uniqueEmail();
	const contact = await createRow('contacts', {
		customer: customer.id,
		first_name: 'Ivy',
		last_name: 'Invitee',
		email,
		...extra,
	});
	return { customer, contact: contact.id, email };
}

function tokenFrom(text: string): string {
	const match = /accept-invitation\?token=([A-Za-z0-9_-]{43})/.exec(text);
	if (!match?.[1]) throw new Error(`No invitation link in:\n${text}`);
	return match[1];
}

async function invite(contact: number, token?: string | null) {
	return api<{ id: number; contact: number; email: string; expires_at: string; email_status: string }>(
		'POST',
		'/portal/api/invitations',
		{ body: { contact }, ...(token === undefined ? {} : { token }) },
	);
}

describe('The whole path', () => {
	test('Enable login, receive the e-mail, look it up, accept, sign in and see own tickets', async () => {
		const { customer, contact, email } = await newContact();
		const ticket = (await createRow('tickets', { customer: customer.id, contact, subject: 'My printer' })).id;

		const invitation = await invite(contact);
		expect(invitation.status).toBe(201);
		expect(invitation.body.data).toMatchObject({ contact, email, email_status: 'queued' });

		const mail = await waitForMail(mailFolder(), email);
		expect(mail.subject).toMatch(/^Your invitation to /);
		expect(mail.text).toContain(customer.name);
		const token = tokenFrom(mail.text);
		expect(mail.html).toContain(`accept-invitation?token=${token}`);

		const lookup = await api<Record<string, unknown>>('GET', `/portal/api/invitations/lookup?token=${token}`, {
			token: null,
		});
		expect(lookup.body.data).toMatchObject({
			valid: true,
			email,
			first_name: 'Ivy',
			last_name: 'Invitee',
			customer: customer.name,
		});
		// Looking up consumes nothing.
		expect(
			(await api<{ valid: boolean }>('GET', `/portal/api/invitations/lookup?token=${token}`, { token: null })).body.data
				?.valid,
		).toBe(true);
		expect((await signIn({ email, password: 'not-set-yet-1' })).status).toBe(401);

		const accepted = await api('POST', '/portal/api/invitations/accept', {
			token: null,
			body: { token, password: 'a-good-long-password' },
		});
		expect(accepted.status).toBe(200);
		expect(accepted.body.data).toEqual({ email });
		expect((await waitForMail(mailFolder(), email, { count: 2 })).subject).toMatch(/^Welcome to /);

		const session = await signIn({ email, password: 'a-good-long-password' });
		expect(session.status).toBe(200);
		const tickets = await api<{ id: number }[]>('GET', '/items/tickets?fields=id', { token: session.token });
		expect(tickets.body.data).toEqual([{ id: ticket }]);

		const row = await api<{ portal_group: number; user: string }>(
			'GET',
			`/items/contacts/${contact}?fields=portal_group,user`,
		);
		expect(row.body.data?.portal_group).toBe(await groupId('Basic'));
		const audit = await api<{ action: string }[]>(
			'GET',
			`/items/portal_audit?filter[customer][_eq]=${customer.id}&fields=action&sort=id`,
		);
		expect(audit.body.data?.map((entry) => entry.action)).toEqual(['invitation.sent', 'invitation.accepted']);
	});

	test('A password anyone would guess, or the e-mail address, is refused with the reason; the link stays usable', async () => {
		const { contact, email } = await newContact();
		await invite(contact);
		const token = tokenFrom((await waitForMail(mailFolder(), email)).text);
		for (const [password, reason] of [
			['password', /first any attacker tries/],
			['12345678', /first any attacker tries/],
			[email, /e-mail address/],
			['short1', /at least 8 characters/],
		] as const) {
			const refused = await api('POST', '/portal/api/invitations/accept', { token: null, body: { token, password } });
			expect(refused.status, password).toBe(400);
			expect(refused.body.errors?.[0]?.message, password).toMatch(reason);
		}
		expect((await signIn({ email, password: 'password' })).status).toBe(401);
		const accepted = await api('POST', '/portal/api/invitations/accept', {
			token: null,
			body: { token, password: 'a-harder-one-to-guess' },
		});
		expect(accepted.status).toBe(200);

		// The same rules whichever way a contact's password is set: by staff in Directus's User Directory too.
		const user = (await api<{ user: string }>('GET', `/items/contacts/${contact}?fields=user`)).body.data?.user;
		const weak = await api('PATCH', `/users/${user}`, { body: { password: 'qwertyuiop' } });
		expect(weak.status).toBe(400);
		expect((await signIn({ email, password: 'a-harder-one-to-guess' })).status).toBe(200);
		// A staff user's password is Directus's business alone.
		const staff = await api<{ id: string }>('POST', '/users', {
			body: { email: uniqueEmail().replace('client.', 'staff.'), password: 'staff-password-1' },
		});
		expect((await api('PATCH', `/users/${staff.body.data?.id}`, { body: { password: 'qwertyuiop' } })).status).toBe(
			200,
		);
	});

	test('A used link cannot be used again', async () => {
		const { contact, email } = await newContact();
		await invite(contact);
		const token = tokenFrom((await waitForMail(mailFolder(), email)).text);
		expect(
			(
				await api('POST', '/portal/api/invitations/accept', {
					token: null,
					body: { token, password: 'first-password-1' },
				})
			).status,
		).toBe(200);
		const again = await api('POST', '/portal/api/invitations/accept', {
			token: null,
			body: { token, password: 'second-password-2' },
		});
		expect(again.status).toBe(400);
		expect(again.body.errors?.[0]?.extensions?.code).toBe('INVITATION_NOT_USABLE');
		expect((await signIn({ email, password: 'second-password-2' })).status).toBe(401);
		expect((await signIn({ email, password: 'first-password-1' })).status).toBe(200);
		expect(
			(await api<{ state: string }>('GET', `/portal/api/invitations/lookup?token=${token}`, { token: null })).body.data
				?.state,
		).toBe('accepted');
	});

	test('An expired link is refused and says so', async () => {
		const { contact, email } = await newContact();
		const invitation = await invite(contact);
		const token = tokenFrom((await waitForMail(mailFolder(), email)).text);
		const database = directDatabase();
		try {
			await database('portal_invitations')
				.where('id', invitation.body.data?.id)
				.update({ expires_at: new Date(Date.now() - 1000) });
		} finally {
			await database.destroy();
		}
		const lookup = await api<{ valid: boolean; state: string; message: string }>(
			'GET',
			`/portal/api/invitations/lookup?token=${token}`,
			{ token: null },
		);
		expect(lookup.body.data).toEqual({
			valid: false,
			state: 'expired',
			message: 'This invitation link has expired. Ask for a new invitation.',
		});
		const accept = await api('POST', '/portal/api/invitations/accept', {
			token: null,
			body: { token, password: 'too-late-password' },
		});
		expect(accept.status).toBe(400);
		expect(accept.body.errors?.[0]?.message).toBe('This invitation link has expired. Ask for a new invitation.');
	});

	test('Resending sends a new link and the old one stops working', async () => {
		const { contact, email } = await newContact();
		const invitation = await invite(contact);
		const first = tokenFrom((await waitForMail(mailFolder(), email)).text);
		const resent = await api<{ id: number }>('POST', `/portal/api/invitations/${invitation.body.data?.id}/resend`);
		expect(resent.status).toBe(200);
		const second = tokenFrom((await waitForMail(mailFolder(), email, { count: 2 })).text);
		expect(second).not.toBe(first);
		expect(
			(await api<{ state: string }>('GET', `/portal/api/invitations/lookup?token=${first}`, { token: null })).body.data
				?.state,
		).toBe('unknown');
		expect(
			(
				await api('POST', '/portal/api/invitations/accept', {
					token: null,
					body: { token: first, password: 'old-link-password' },
				})
			).status,
		).toBe(400);
		expect(
			(
				await api('POST', '/portal/api/invitations/accept', {
					token: null,
					body: { token: second, password: 'new-link-password' },
				})
			).status,
		).toBe(200);
		// Counted as the outbox sends each mail (just after the mail server took it).
		await eventually(async () => {
			const row = await api<{ sent_count: number }>(
				'GET',
				`/items/portal_invitations/${invitation.body.data?.id}?fields=sent_count`,
			);
			expect(row.body.data?.sent_count).toBe(2);
		});
	});

	test('A revoked link is refused', async () => {
		const { contact, email } = await newContact();
		const invitation = await invite(contact);
		const token = tokenFrom((await waitForMail(mailFolder(), email)).text);
		expect((await api('DELETE', `/portal/api/invitations/${invitation.body.data?.id}`)).status).toBe(204);
		expect(
			(await api<{ state: string }>('GET', `/portal/api/invitations/lookup?token=${token}`, { token: null })).body.data
				?.state,
		).toBe('revoked');
		expect(
			(
				await api('POST', '/portal/api/invitations/accept', {
					token: null,
					body: { token, password: 'revoked-password' },
				})
			).status,
		).toBe(400);
	});

	test('Inviting a whole customer invites each contact with an e-mail and no login', async () => {
		const { customer, contact, email } = await newContact();
		const second = uniqueEmail();
		await createRow('contacts', { customer: customer.id, last_name: 'Second', email: second });
		await createPortalContact(customer.id, 'Basic');
		const response = await api<{ contact: number; email_status: string }[]>('POST', '/portal/api/invitations', {
			body: { customer: customer.id },
		});
		expect(response.status).toBe(201);
		expect(response.body.data?.map((row) => row.email_status)).toEqual(['queued', 'queued']);
		expect(response.body.data?.[0]?.contact).toBe(contact);
		await waitForMail(mailFolder(), email);
		await waitForMail(mailFolder(), second);
	});
});

describe('What invitations refuse', () => {
	test('Refuses a contact in No Portal Access, and creates nothing', async () => {
		const { contact, email } = await newContact({ portal_group: await groupId('No Portal Access') });
		const response = await invite(contact);
		expect(response.status).toBe(400);
		expect(response.body.errors?.[0]?.message).toBe(
			'Ivy Invitee is in the portal group "No Portal Access", which cannot sign in. Move the contact to another group first.',
		);
		expect((await api<unknown[]>('GET', `/users?filter[email][_eq]=${email}`)).body.data).toEqual([]);
		expect(
			(await api<unknown[]>('GET', `/items/portal_invitations?filter[contact][_eq]=${contact}`)).body.data,
		).toEqual([]);
		expect(await mailsTo(mailFolder(), email)).toEqual([]);
	});

	test('Refuses an e-mail address that belongs to a staff user', async () => {
		const role = await api<{ id: string }>('POST', '/roles', { body: { name: uniqueName('Staff') } });
		const email = uniqueEmail();
		await api('POST', '/users', { body: { email, password: 'staff-password-1', role: role.body.data?.id } });
		const { contact } = await newContact({ email: email.toUpperCase() === email ? email : email });
		const response = await invite(contact);
		expect(response.status).toBe(400);
		expect(response.body.errors?.[0]?.message).toBe(
			`The e-mail address ${email} belongs to a staff user. A portal contact needs an e-mail address of its own.`,
		);
	});

	test('Refuses a contact that already has an active login', async () => {
		const customer = (await createRow('customers', { name: uniqueName('Active') })).id;
		const active = await createPortalContact(customer, 'Basic');
		const response = await invite(active.id);
		expect(response.status).toBe(409);
		expect(response.body.errors?.[0]?.extensions?.code).toBe('INVITATION_CONFLICT');
	});

	test('Refuses bad input with a clear 400', async () => {
		for (const body of [{}, { contact: 'abc' }, { contact: -1 }, { contact: 1, customer: 1 }, { contact: 99999999 }]) {
			const response = await api('POST', '/portal/api/invitations', { body });
			expect({ body, status: response.status }).toEqual({ body, status: 400 });
		}
		for (const body of [
			{},
			{ token: 'short', password: 'x' },
			{ token: 'A'.repeat(43) },
			{ token: 'A'.repeat(43), password: 'x'.repeat(600) },
		]) {
			const response = await api('POST', '/portal/api/invitations/accept', { token: null, body });
			expect({ body, status: response.status }).toEqual({ body, status: 400 });
		}
	});

	test('Answers every unknown or malformed token the same way', async () => {
		const answers = await Promise.all(
			['', 'x', 'A'.repeat(43), 'B'.repeat(43), '../../etc/passwd', 'A'.repeat(5000)].map(
				async (token) =>
					(await api('GET', `/portal/api/invitations/lookup?token=${encodeURIComponent(token)}`, { token: null })).body,
			),
		);
		for (const answer of answers) expect(answer).toEqual(answers[0]);
		expect(answers[0]).toMatchObject({ data: { valid: false, state: 'unknown' } });
	});

	test('Lets only staff send, resend and revoke invitations, and read or resend the outbox', async () => {
		const { customer, contact } = await newContact();
		const portalUser = await createPortalContact(customer.id, 'Administrator');
		const portalToken = await tokenOf(portalUser);
		const queued = await invite(await newContact().then((other) => other.contact));
		const outbox = (queued.body.data as { outbox?: number } | undefined)?.outbox;
		expect(outbox).toBeGreaterThan(0);
		for (const token of [null, portalToken]) {
			expect((await invite(contact, token)).status).toBe(403);
			expect((await api('POST', '/portal/api/invitations/1/resend', { token })).status).toBe(403);
			expect((await api('DELETE', '/portal/api/invitations/1', { token })).status).toBe(403);
			expect((await api('GET', '/portal/api/outbox', { token })).status).toBe(403);
			expect((await api('GET', `/portal/api/outbox/${outbox}`, { token })).status).toBe(403);
			expect((await api('POST', `/portal/api/outbox/${outbox}/resend`, { token })).status).toBe(403);
			for (const path of [
				'/items/portal_outbox',
				`/items/portal_outbox/${outbox}`,
				'/items/portal_outbox?aggregate[count]=*',
				`/items/portal_invitations?filter[id][_eq]=${queued.body.data?.id}`,
			])
				expect((await api('GET', path, { token })).status, path).toBe(403);
		}
		// Staff read a mail's text, never its sealed link.
		const shown = await api<Record<string, unknown>>('GET', `/portal/api/outbox/${outbox}`);
		expect(shown.status).toBe(200);
		expect(shown.body.data).toMatchObject({ id: outbox, kind: 'invitation' });
		expect(shown.body.data).not.toHaveProperty('sealed_link');
		expect(String(shown.body.data?.['body_text'])).toContain('[sign-in link]');
		expect(
			(await api<unknown[]>('GET', `/items/portal_invitations?filter[contact][_eq]=${contact}`)).body.data,
		).toEqual([]);
	});

	test('Holders of the Portal staff policy may invite without being admins', async () => {
		const settings = await api<{ staff_policy: string }>('GET', '/items/portal_settings?fields=staff_policy');
		const role = await api<{ id: string }>('POST', '/roles', { body: { name: uniqueName('Help desk') } });
		await api('POST', '/access', { body: { role: role.body.data?.id, policy: settings.body.data?.staff_policy } });
		const email = uniqueEmail();
		await api('POST', '/users', { body: { email, password: 'helpdesk-password-1', role: role.body.data?.id } });
		const staffToken = (await signIn({ email, password: 'helpdesk-password-1' })).token;
		const { contact } = await newContact();
		expect((await invite(contact, staffToken)).status).toBe(201);
	});

	test('Never stores or logs the link token', async () => {
		const { contact, email } = await newContact();
		const invitation = await invite(contact);
		const token = tokenFrom((await waitForMail(mailFolder(), email)).text);
		const database = directDatabase();
		try {
			const row = (await database('portal_invitations').where('id', invitation.body.data?.id).first()) as Record<
				string,
				unknown
			>;
			expect(JSON.stringify(row)).not.toContain(token);
			const audit = (await database('portal_audit').select('details')) as { details: string | null }[];
			expect(JSON.stringify(audit)).not.toContain(token);
		} finally {
			await database.destroy();
		}
		const { readFile } = await import('node:fs/promises');
		expect(await readFile(directusUnderTest().logFile, 'utf8')).not.toContain(token);
	});
});

describe('Two accepts of one invitation link at the same moment', () => {
	test('Exactly one wins, on the database this run uses', async () => {
		expect(await acceptTwiceAtOnce(api, mailFolder())).toEqual([200, 400]);
	});
});
