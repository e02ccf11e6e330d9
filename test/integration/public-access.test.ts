/**
 * What visitors who are not signed in can do, as the portal settings allow: read public articles,
 * submit a request, ask for a login — with answers that never tell whether an e-mail address is known.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { api, createRow, directusUnderTest } from '../support/directus-under-test.ts';
import { mailsTo, waitForMail } from '../../scripts/lib/mail-sink.ts';
import { createPortalContact, groupId, signIn, uniqueName } from '../support/portal-users.ts';
import { eventually } from '../support/eventually.ts';

const mailFolder = () => directusUnderTest().mailFolder;
const setSettings = (body: Record<string, unknown>) => api('PATCH', '/items/portal_settings', { body });
const random = () => uniqueName('x').split(' ')[1];

afterAll(async () => {
	await setSettings({ access_mode: 'registered_only', self_signup: 'off' });
});

async function domainCustomer() {
	const domain = `${random()}.client.example.com`;
	const customer = await createRow<{ id: number; name: string }>('customers', {
		name: uniqueName('Domain'),
		email_domains: [domain],
	});
	return { customer, domain };
}

function linkIn(text: string): string | null {
	return /accept-invitation\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? null;
}

describe('Access mode', () => {
	test('Registered only: nothing answers without signing in', async () => {
		await setSettings({ access_mode: 'registered_only' });
		await createRow('kb_articles', { title: uniqueName('Public article'), status: 'published', audience: 'all' });
		expect((await api('GET', '/items/kb_articles', { token: null })).status).toBe(403);
		const response = await api('POST', '/portal/api/public/requests', {
			token: null,
			body: { name: 'A', email: 'a@example.com', subject: 'Hi' },
		});
		expect(response.status).toBe(403);
		expect(response.body.errors?.[0]?.extensions?.code).toBe('PORTAL_FEATURE_OFF');
	});

	test('Public: anyone reads published articles meant for everyone, and nothing else', async () => {
		await setSettings({ access_mode: 'public' });
		const visible = await createRow('kb_articles', {
			title: uniqueName('Everyone'),
			status: 'published',
			audience: 'all',
		});
		const draft = await createRow('kb_articles', { title: uniqueName('Draft'), status: 'draft', audience: 'all' });
		const selected = await createRow('kb_articles', {
			title: uniqueName('Selected'),
			status: 'published',
			audience: 'selected',
		});
		const articles = await api<{ id: number }[]>('GET', '/items/kb_articles?fields=id&limit=-1', { token: null });
		const ids = articles.body.data?.map((row) => row.id) ?? [];
		expect(ids).toContain(visible.id);
		expect(ids).not.toContain(draft.id);
		expect(ids).not.toContain(selected.id);
		for (const collection of ['tickets', 'contacts', 'customers', 'documents', 'portal_groups']) {
			expect({ collection, status: (await api('GET', `/items/${collection}`, { token: null })).status }).toEqual({
				collection,
				status: 403,
			});
		}
	});
});

describe('Public requests', () => {
	test('Known, domain-matched and unknown e-mail addresses all get the same answer, and the right ticket', async () => {
		// A login is offered only where self sign-up would give one (test/security/staff-decisions.test.ts).
		await setSettings({ access_mode: 'public', self_signup: 'matching_domain' });
		const { customer, domain } = await domainCustomer();
		const known = await createRow<{ id: number }>('contacts', {
			customer: customer.id,
			last_name: 'Known',
			email: `known-${random()}@${domain}`,
		});
		const knownEmail =
			(await api<{ email: string }>('GET', `/items/contacts/${known.id}?fields=email`)).body.data?.email ?? '';
		const matched = `new-${random()}@${domain}`;
		const stranger = `who-${random()}@nowhere-${random()}.example.org`;

		const answers = [];
		for (const email of [knownEmail, matched, stranger]) {
			const response = await api('POST', '/portal/api/public/requests', {
				token: null,
				body: { name: 'Pat Public', email, subject: `Help ${email}`, description: 'Please help.' },
			});
			answers.push({ status: response.status, body: response.body });
		}
		expect(answers[1]).toEqual(answers[0]);
		expect(answers[2]).toEqual(answers[0]);
		expect(answers[0]).toEqual({ status: 202, body: { data: { received: true } } });

		// Contacts of real customers are offered a login; a stranger filed under "Unassigned requests" is not.
		// (The route answers first and files after, so the mail is the sign that the work is done.)
		expect(linkIn((await waitForMail(mailFolder(), matched)).text)).not.toBeNull();
		expect(linkIn((await waitForMail(mailFolder(), knownEmail)).text)).not.toBeNull();
		const strangerMail = await waitForMail(mailFolder(), stranger);
		expect(strangerMail.subject).toMatch(/^We received your request #\d+: Help /);
		expect(linkIn(strangerMail.text)).toBeNull();

		const ticketFor = async (email: string) =>
			(
				await api<
					{
						customer: { id: number; name: string };
						contact: { email: string; first_name: string; last_name: string };
					}[]
				>(
					'GET',
					`/items/tickets?filter[subject][_eq]=${encodeURIComponent(`Help ${email}`)}&fields=customer.id,customer.name,contact.email,contact.first_name,contact.last_name`,
				)
			).body.data?.[0];
		expect((await ticketFor(knownEmail))?.customer.id).toBe(customer.id);
		expect(await ticketFor(matched)).toEqual({
			customer: { id: customer.id, name: customer.name },
			contact: { email: matched, first_name: 'Pat', last_name: 'Public' },
		});
		expect((await ticketFor(stranger))?.customer.name).toBe('Unassigned requests');

		// Staff hear of each request as of a contact's new ticket (in Directus's notifications, linked to the ticket).
		const strangerTicket = (
			await api<{ id: number }[]>(
				'GET',
				`/items/tickets?filter[subject][_eq]=${encodeURIComponent(`Help ${stranger}`)}&fields=id`,
			)
		).body.data?.[0]?.id;
		await eventually(async () => {
			const notices = await api<{ subject: string }[]>(
				'GET',
				`/notifications?filter[collection][_eq]=tickets&filter[item][_eq]=${strangerTicket}&fields=subject`,
			);
			expect(notices.body.data?.length).toBeGreaterThan(0);
			expect(notices.body.data?.[0]?.subject).toBe(
				`Pat Public (Unassigned requests) opened a ticket: Help ${stranger}`,
			);
		});
	});

	test('The offered login works and shows the request', async () => {
		await setSettings({ access_mode: 'public', self_signup: 'matching_domain' });
		const { domain } = await domainCustomer();
		const email = `follow-${random()}@${domain}`;
		await api('POST', '/portal/api/public/requests', {
			token: null,
			body: { name: 'Fay Follow', email, subject: 'Track me' },
		});
		const token = linkIn((await waitForMail(mailFolder(), email)).text);
		expect(
			(
				await api('POST', '/portal/api/invitations/accept', {
					token: null,
					body: { token, password: 'follow-password-1' },
				})
			).status,
		).toBe(200);
		const session = await signIn({ email, password: 'follow-password-1' });
		const tickets = await api<{ subject: string }[]>('GET', '/items/tickets?fields=subject', { token: session.token });
		expect(tickets.body.data).toEqual([{ subject: 'Track me' }]);
	});

	test('Refuses malformed or oversize input with a clear 400 and files nothing', async () => {
		await setSettings({ access_mode: 'public' });
		const email = `bad-${random()}@example.com`;
		const cases: [unknown, string][] = [
			[{ name: 'A', email, subject: '' }, 'Subject is required.'],
			[{ name: 'A', email: 'not-an-address', subject: 'S' }, 'E-mail address must look like name@example.com.'],
			[{ name: 'A', email, subject: 'S'.repeat(201) }, 'Subject must be at most 200 characters.'],
			[
				{ name: 'A', email, subject: 'S', description: 'D'.repeat(20_001) },
				'Description must be at most 20000 characters.',
			],
			[{ name: 'A', email, subject: 'S', customer: 1 }, 'Unknown field: customer.'],
			[{ name: { first: 'A' }, email, subject: 'S' }, 'Name must be text.'],
			[[], 'Send a JSON object.'],
		];
		for (const [body, message] of cases) {
			const response = await api('POST', '/portal/api/public/requests', { token: null, body });
			expect({ body, status: response.status, message: response.body.errors?.[0]?.message }).toEqual({
				body,
				status: 400,
				message,
			});
		}
		expect((await api<unknown[]>('GET', `/items/contacts?filter[email][_eq]=${email}`)).body.data).toEqual([]);
		expect(await mailsTo(mailFolder(), email)).toEqual([]);
	});

	test('Limits requests per e-mail address', async () => {
		await setSettings({ access_mode: 'public' });
		const email = `flood-${random()}@example.com`;
		const statuses = [];
		for (let attempt = 0; attempt < 4; attempt++) {
			statuses.push(
				(
					await api('POST', '/portal/api/public/requests', {
						token: null,
						body: { name: 'F', email, subject: `Flood ${attempt}` },
					})
				).status,
			);
		}
		expect(statuses).toEqual([202, 202, 202, 429]);
		expect((await api<unknown[]>('GET', `/items/tickets?filter[subject][_eq]=Flood 3`)).body.data).toEqual([]);
	});
});

describe('Self sign-up', () => {
	test('Is refused while switched off', async () => {
		await setSettings({ self_signup: 'off' });
		const response = await api('POST', '/portal/api/signup', {
			token: null,
			body: { email: 'x@example.com', last_name: 'X' },
		});
		expect(response.status).toBe(403);
	});

	test('A matching domain gets a verification e-mail that sets up a login in the default group', async () => {
		await setSettings({ self_signup: 'matching_domain' });
		const { customer, domain } = await domainCustomer();
		const email = `self-${random()}@${domain}`;
		const response = await api('POST', '/portal/api/signup', {
			token: null,
			body: { email, first_name: 'Sam', last_name: 'Self' },
		});
		expect(response).toEqual({ status: 202, body: { data: { received: true } } });
		const token = linkIn((await waitForMail(mailFolder(), email)).text);
		expect(
			(
				await api('POST', '/portal/api/invitations/accept', {
					token: null,
					body: { token, password: 'self-signup-password' },
				})
			).status,
		).toBe(200);
		const contact = await api<{ customer: number; portal_group: number }[]>(
			'GET',
			`/items/contacts?filter[email][_eq]=${email}&fields=customer,portal_group`,
		);
		expect(contact.body.data).toEqual([{ customer: customer.id, portal_group: await groupId('Basic') }]);
		expect((await signIn({ email, password: 'self-signup-password' })).status).toBe(200);
	});

	test('Unknown domains and existing logins get the same answer; only the inbox owner learns more', async () => {
		await setSettings({ self_signup: 'matching_domain' });
		const { customer, domain } = await domainCustomer();
		const existing = await createPortalContact(customer.id, 'Basic', { email: `existing-${random()}@${domain}` });
		const unknown = `nobody-${random()}@unknown-${random()}.example.org`;
		const answers = [];
		// The work behind sign-ups runs one at a time in the order they came: once the later one's mail is out,
		// everything the unknown address could have caused has happened.
		for (const email of [unknown, existing.email])
			answers.push(
				await api('POST', '/portal/api/signup', {
					token: null,
					body: { email, first_name: 'Buy cheap watches at spam.example', last_name: 'Someone' },
				}),
			);
		expect(answers[1]).toEqual(answers[0]);
		expect((await waitForMail(mailFolder(), existing.email)).subject).toMatch(/^You already have a login/);
		// The unknown address's owner is told why there is no login, and where to go; no contact is made for it.
		const told = await waitForMail(mailFolder(), unknown);
		expect(told.subject).toMatch(/^About your request for a login to /);
		expect(told.text).toContain('we do not know this address');
		// Nothing the form was sent but the address: it cannot carry anyone's words to a stranger.
		expect(told.text).not.toContain('cheap watches');
		expect(await mailsTo(mailFolder(), unknown)).toHaveLength(1);
		expect((await api<unknown[]>('GET', `/items/contacts?filter[email][_eq]=${unknown}`)).body.data).toEqual([]);
	});
});
