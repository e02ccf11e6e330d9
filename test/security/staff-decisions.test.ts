/**
 * Visitors and client administrators never undo what staff decided: a revoked invitation stays revoked, a
 * login set up without staff gets no more than the default group, a public request offers a login only
 * where self sign-up would give one, and a client administrator adds colleagues only at their own
 * customer's e-mail domains, with one answer for every address they may not use and nothing written.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mailsTo, waitForMail } from '../../scripts/lib/mail-sink.ts';
import { api, createRow, directusUnderTest } from '../support/directus-under-test.ts';
import { createPortalContact, tokenOf, uniqueName } from '../support/portal-users.ts';
import { rawRequest } from './attack-world.ts';

const mailFolder = () => directusUnderTest().mailFolder;
const setSettings = (body: Record<string, unknown>) => api('PATCH', '/items/portal_settings', { body });
const word = () => randomBytes(4).toString('hex');
/** A client address of this file's own, so the per-address limits of the public routes count only its requests. */
const visitorAddress = `127.${10 + Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;

async function visitor(
	path: '/portal/api/signup' | '/portal/api/public/requests',
	body: Record<string, unknown>,
): Promise<number> {
	const response = await rawRequest('POST', path, {
		localAddress: visitorAddress,
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	return response.status;
}

const linkIn = (text: string) => /accept-invitation\?token=/.test(text);

interface Invitation {
	id: number;
	revoked_at: string | null;
	accepted_at: string | null;
}
const invitationsOf = async (contact: number) =>
	(
		await api<Invitation[]>(
			'GET',
			`/items/portal_invitations?filter[contact][_eq]=${contact}&fields=id,revoked_at,accepted_at&sort=id`,
		)
	).body.data ?? [];

let domain: number;
let domainName: string;

beforeAll(async () => {
	domainName = `${word()}.decisions.example.com`;
	domain = (await createRow('customers', { name: uniqueName('Decisions'), email_domains: [domainName] })).id;
	await setSettings({ access_mode: 'public', self_signup: 'matching_domain' });
});

afterAll(async () => {
	await setSettings({ access_mode: 'registered_only', self_signup: 'off' });
});

async function contactAt(extra: Record<string, unknown> = {}): Promise<{ id: number; email: string }> {
	const email = `${word()}@${domainName}`;
	const { id } = await createRow('contacts', { customer: domain, last_name: 'Decided', email, ...extra });
	return { id, email };
}

describe('Visitors', () => {
	test('A revoked invitation stays revoked: self sign-up does not issue a new one; staff inviting again does', async () => {
		const contact = await contactAt();
		const invited = await api<{ id: number }>('POST', '/portal/api/invitations', { body: { contact: contact.id } });
		expect(invited.status).toBe(201);
		await waitForMail(mailFolder(), contact.email);
		expect((await api('DELETE', `/portal/api/invitations/${invited.body.data?.id}`)).status).toBe(204);

		expect(await visitor('/portal/api/signup', { email: contact.email, last_name: 'Decided' })).toBe(202);
		expect((await invitationsOf(contact.id)).map((row) => row.revoked_at !== null)).toEqual([true]);
		expect(await mailsTo(mailFolder(), contact.email)).toHaveLength(1);

		expect((await api('POST', '/portal/api/invitations', { body: { contact: contact.id } })).status).toBe(201);
		expect((await invitationsOf(contact.id)).map((row) => row.revoked_at !== null)).toEqual([true, false]);
	});

	test('Self sign-up and public requests never set up a login in a group staff chose beyond the default one', async () => {
		const administratorGroup = (
			await api<{ id: number }[]>('GET', '/items/portal_groups?filter[name][_eq]=Administrator&fields=id')
		).body.data?.[0]?.id;
		const signingUp = await contactAt({ portal_group: administratorGroup });
		const requesting = await contactAt({ portal_group: administratorGroup });

		expect(await visitor('/portal/api/signup', { email: signingUp.email, last_name: 'Decided' })).toBe(202);
		expect(
			await visitor('/portal/api/public/requests', {
				name: 'Rita Request',
				email: requesting.email,
				subject: 'Please help',
			}),
		).toBe(202);
		const confirmation = await waitForMail(mailFolder(), requesting.email);
		expect(confirmation.subject).toMatch(/^We received your request/);
		expect(linkIn(confirmation.text)).toBe(false);
		expect(await invitationsOf(signingUp.id)).toEqual([]);
		expect(await invitationsOf(requesting.id)).toEqual([]);
		expect(await mailsTo(mailFolder(), signingUp.email)).toEqual([]);
		for (const id of [signingUp.id, requesting.id])
			expect(
				(await api<{ user: string | null }>('GET', `/items/contacts/${id}?fields=user`)).body.data?.user,
			).toBeNull();

		// A group staff chose that grants no more than the default group is no obstacle.
		const basicGroup = (await api<{ id: number }[]>('GET', '/items/portal_groups?filter[name][_eq]=Basic&fields=id'))
			.body.data?.[0]?.id;
		const basic = await contactAt({ portal_group: basicGroup });
		expect(await visitor('/portal/api/signup', { email: basic.email, last_name: 'Decided' })).toBe(202);
		expect((await waitForMail(mailFolder(), basic.email)).subject).toMatch(/^Your invitation/);
	});

	test('A public request offers a login only where self sign-up would: not while it is off, not from a domain the customer does not list', async () => {
		const known = await contactAt();
		const offDomain = (await createRow('contacts', {
			customer: domain,
			last_name: 'Decided',
			email: `${word()}@elsewhere-${word()}.example.org`,
		})) as { id: number };
		const offDomainEmail =
			(await api<{ email: string }>('GET', `/items/contacts/${offDomain.id}?fields=email`)).body.data?.email ?? '';
		await setSettings({ self_signup: 'off' });
		try {
			expect(
				await visitor('/portal/api/public/requests', { name: 'Kim Known', email: known.email, subject: 'Sign-up off' }),
			).toBe(202);
		} finally {
			await setSettings({ self_signup: 'matching_domain' });
		}
		expect(
			await visitor('/portal/api/public/requests', {
				name: 'Olli Off',
				email: offDomainEmail,
				subject: 'Another domain',
			}),
		).toBe(202);
		for (const [contact, email] of [
			[known.id, known.email],
			[offDomain.id, offDomainEmail],
		] as const) {
			const confirmation = await waitForMail(mailFolder(), email);
			expect({ email, link: linkIn(confirmation.text) }).toEqual({ email, link: false });
			expect(await invitationsOf(contact)).toEqual([]);
		}
	});
});

describe('Client administrators adding colleagues', () => {
	let admin: string;
	let otherDomainName: string;
	let staffEmail: string;
	let elsewhereEmail: string;
	let elsewhereCustomer: number;

	beforeAll(async () => {
		admin = await tokenOf(await createPortalContact(domain, 'Administrator'));
		otherDomainName = `${word()}.other-decisions.example.com`;
		elsewhereCustomer = (
			await createRow('customers', { name: uniqueName('Decisions elsewhere'), email_domains: [otherDomainName] })
		).id;
		const adminRole = (await api<{ role: string }>('GET', '/users/me?fields=role')).body.data?.role;
		staffEmail = `staff-${word()}@${domainName}`;
		expect(
			(
				await api('POST', '/users', {
					body: { email: staffEmail, password: randomBytes(12).toString('hex'), role: adminRole, status: 'active' },
				})
			).status,
		).toBe(200);
		elsewhereEmail = `moved-${word()}@${domainName}`;
		await createRow('contacts', { customer: elsewhereCustomer, last_name: 'Elsewhere', email: elsewhereEmail });
	});

	const contactsWith = async (email: string) =>
		(
			await api<{ customer: number }[]>(
				'GET',
				`/items/contacts?filter[email][_eq]=${encodeURIComponent(email)}&fields=customer`,
			)
		).body.data ?? [];
	const usersWith = async (email: string) =>
		(await api<unknown[]>('GET', `/users?filter[email][_eq]=${encodeURIComponent(email)}&fields=id`)).body.data ?? [];

	test('Another customer\u2019s domain, a staff address, a contact elsewhere, an unlisted domain: one answer, and nothing written', async () => {
		const addresses = [
			`new-${word()}@${otherDomainName}`,
			staffEmail,
			elsewhereEmail,
			`new-${word()}@gmail-${word()}.example.net`,
			'admin@example.com',
		];
		const before = await Promise.all(
			addresses.map(async (email) => ({ contacts: await contactsWith(email), users: (await usersWith(email)).length })),
		);
		const answers = [];
		for (const email of addresses) {
			const response = await api('POST', '/portal/api/team', {
				token: admin,
				body: { email, first_name: 'Eve', last_name: 'Extra' },
			});
			answers.push({ status: response.status, body: response.body });
		}
		for (const answer of answers) expect(answer).toEqual(answers[0]);
		expect(answers[0]?.status).toBe(403);
		const after = await Promise.all(
			addresses.map(async (email) => ({ contacts: await contactsWith(email), users: (await usersWith(email)).length })),
		);
		expect(after).toEqual(before);
		for (const email of addresses) expect(await mailsTo(mailFolder(), email)).toEqual([]);
	});

	test('An address at their own customer\u2019s domain is added and invited', async () => {
		const email = `new-${word()}@${domainName}`;
		const response = await api<{ id: number }>('POST', '/portal/api/team', {
			token: admin,
			body: { email, first_name: 'Nia', last_name: 'New' },
		});
		expect(response.status).toBe(201);
		expect(await contactsWith(email)).toEqual([{ customer: domain }]);
		expect((await waitForMail(mailFolder(), email)).subject).toMatch(/^Your invitation/);
	});

	test('A customer that lists no e-mail domain gets new contacts from staff only; its administrators are told the same', async () => {
		const bare = (await createRow('customers', { name: uniqueName('No domains') })).id;
		const bareAdmin = await tokenOf(await createPortalContact(bare, 'Administrator'));
		const email = `new-${word()}@${domainName}`;
		const response = await api('POST', '/portal/api/team', { token: bareAdmin, body: { email, last_name: 'Nobody' } });
		const reference = await api('POST', '/portal/api/team', {
			token: admin,
			body: { email: staffEmail, last_name: 'Nobody' },
		});
		expect({ status: response.status, body: response.body }).toEqual({
			status: reference.status,
			body: reference.body,
		});
		expect(await contactsWith(email)).toEqual([]);
	});
});
